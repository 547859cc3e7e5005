use super::*;

/// The scale the layer is drawn at: the day at x = 0 and pixels per day. The
/// origin moves only on zoom or after a long pan, so panning is a transform.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Frame {
    pub(super) origin: f64,
    pub(super) ppd: f64,
}

impl Frame {
    pub(super) fn x(self, day: f64) -> f64 {
        (day - self.origin) * self.ppd
    }
}

/// The horizontal axis: eras, ticks, lanes and the visible events.
#[component]
pub(super) fn TimelineAxis(tl: Tl) -> impl IntoView {
    let vp = tl.viewport;
    let width = tl.width;
    let grouping = tl.grouping;
    let lang = use_lang();
    let node = NodeRef::<leptos::html::Div>::new();

    let (measured, band) = measure_axis(node, width);

    // Label widths in the reader's language.
    let label_px: Memo<Arc<Vec<f64>>> = {
        let tl = tl.clone();
        Memo::new(move |_| {
            let code = lang.get().code();
            Arc::new(
                (0..tl.entries.len())
                    .map(|i| {
                        let chars = tl
                            .event(i)
                            .map_or(0, |e| e.event.headline.resolve(code).chars().count());
                        label_width_px(chars)
                    })
                    .collect(),
            )
        })
    };
    // Changes on zoom or resize only, not on pan.
    let ppd = Memo::new(move |_| vp.with(|v| v.px_per_day(width.get())));
    let layout: Memo<Arc<Layout>> = {
        let all = tl.entries.clone();
        let lanes = tl.lanes;
        Memo::new(move |_| {
            let ppd = ppd.get();
            let lanes = lanes.get();
            let widths = label_px.get();
            let max_rows = if grouping.get() == Grouping::None {
                8
            } else {
                3
            };
            let laid_out = if measured.get() { all.len() } else { 0 };
            let items: Vec<Item> = all[..laid_out]
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let (start, end) = e.span();
                    Item {
                        start,
                        end,
                        label_px: widths.get(i).copied().unwrap_or(100.0),
                        lane: lanes.1.get(i).copied().unwrap_or(0),
                    }
                })
                .collect();
            Arc::new(stack(&items, lanes.0.len(), ppd, 10.0, max_rows))
        })
    };
    // Top of each lane, and the total height.
    let lane_tops = Memo::new(move |_| {
        layout.with(|l| {
            let mut tops = Vec::with_capacity(l.lane_rows.len());
            let mut y = AXIS_PX;
            for &rows in &l.lane_rows {
                tops.push(y);
                // One more row for the overflow markers and an overflowed selection.
                y += (f64::from(rows) + 1.0) * ROW_PX + LANE_GAP_PX;
            }
            (tops, y)
        })
    });
    let frame = Memo::new(move |prev: Option<&Frame>| {
        let v = vp.get();
        let ppd = ppd.get();
        match prev {
            Some(f) if f.ppd == ppd && ((v.start - f.origin) * ppd).abs() < 1e6 => *f,
            _ => Frame {
                origin: v.start,
                ppd,
            },
        }
    });
    // The window of time rendered: the view and half a view either side,
    // quantised so that it changes only every half view of panning.
    let window = Memo::new(move |_| {
        let v = vp.get();
        let chunk = v.span() / 2.0;
        let k = (v.start / chunk).floor();
        ((k - 1.0) * chunk, (k + 4.0) * chunk)
    });
    // The marks of the window, then the selection on top: a new selection
    // only moves one item between a marker and the drawn ones.
    let bin_days = move || 40.0 / ppd.get_untracked().max(f64::MIN_POSITIVE);
    let lanes_on_screen = Memo::new(move |_| {
        let (from, to) = band.get();
        lane_tops.with(|(tops, bottom)| layout::lanes_in(tops, *bottom, from, to))
    });
    let window_marks = {
        let lanes = tl.lanes;
        Memo::new(move |_| {
            let (from, to) = window.get();
            let on_screen = lanes_on_screen.get();
            layout.with(|l| {
                lanes.with(|lanes| {
                    layout::window_marks(l, &lanes.1, from, to, bin_days(), on_screen)
                })
            })
        })
    };
    let visible = {
        let selected = tl.selected;
        let lanes = tl.lanes;
        Memo::new(move |_| {
            let selected = selected.get();
            window_marks.with(|marks| {
                layout.with(|l| {
                    lanes.with(|lanes| {
                        layout::with_selected(marks, selected, l, &lanes.1, bin_days())
                    })
                })
            })
        })
    };

    let translate = move || {
        let f = frame.get();
        format!("translateX({}px)", -vp.with(|v| v.start - f.origin) * f.ppd)
    };
    let height = move || format!("{}px", lane_tops.with(|t| t.1));

    let intl = use_intl();
    let ticks = move || {
        let (from, to) = window.get();
        let f = frame.get();
        let w = (to - from) * f.ppd;
        let v = Viewport::new(from, to, f64::MAX);
        layout::ticks(&v, w, TICK_MIN_PX, &intl())
            .into_iter()
            .map(|t| {
                let left = format!("{}px", f.x(t.day));
                view! { <div class="tl-tick" style:left=left><span>{t.label}</span></div> }
            })
            .collect_view()
            .into_any()
    };
    let eras_view = {
        let eras = tl.eras.clone();
        move || {
            let (from, to) = window.get();
            let f = frame.get();
            let height = lane_tops.with(|t| t.1);
            eras.iter()
                .filter(|e| e.end > from && e.start < to)
                .map(|e| {
                    let left = f.x(e.start.max(from));
                    let right = f.x(e.end.min(to));
                    let style = format!(
                        "left:{left}px;width:{}px;height:{height}px",
                        (right - left).max(2.0)
                    );
                    let label = localized(&e.label);
                    view! {
                        <div class=format!("tl-era tl-era-{}", e.kind) style=style aria-hidden="true">
                            <span class="tl-era-label">{label}</span>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    let lane_bands = move || {
        lane_tops.with(|(tops, _)| {
            tops.iter()
                .map(|top| view! { <div class="tl-lane" style:top=format!("{top}px")></div> })
                .collect_view()
                .into_any()
        })
    };
    let lane_labels = {
        let tl = tl.clone();
        move || {
            let keys = tl.lanes.get();
            if tl.grouping.get() == Grouping::None {
                return None;
            }
            Some(lane_tops.with(|(tops, _)| {
                keys.0
                    .iter()
                    .zip(tops.iter().copied())
                    .map(|(key, top)| {
                        let label = lane_label(&tl, key);
                        view! {
                            <span class="tl-lane-label" data-lane=key.clone() style:top=format!("{top}px")>{label}</span>
                        }
                    })
                    .collect_view()
                    .into_any()
            }))
        }
    };
    // Keyed by event: panning or selecting adds and removes marks at the
    // edges instead of rebuilding every one.
    // A change of language makes the marks again (their words are fixed).
    let events = {
        let tl = tl.clone();
        move || {
            let lang = lang.get();
            let tl = tl.clone();
            let shown = move || visible.with(|marks| marks.shown.clone());
            let mark = move |index: usize| {
                view! {
                    <EventMark tl=tl.clone() index=index lang=lang layout=layout frame=frame lane_tops=lane_tops/>
                }
            };
            view! { <For each=shown key=|index| *index children=mark/> }
        }
    };
    // "+N" markers, rebuilt together: keyed ones (300 reactive positions at
    // 10,000 events) cost the first view more than they saved an arrow key.
    // Their clicks are handled once, on the axis (on_more_click), not by a
    // listener each.
    let overflow = move || {
        let f = frame.get();
        let lang = lang.get();
        visible.with(|marks| {
            lane_tops.with(|(tops, _)| {
                layout.with(|l| {
                    marks
                        .overflow
                        .iter()
                        .map(|o| {
                            let start = l.placed.get(o.first).map_or(0.0, |p| p.start);
                            let rows = l.lane_rows.get(o.lane).copied().unwrap_or(1);
                            let top = tops.get(o.lane).copied().unwrap_or(0.0) + f64::from(rows) * ROW_PX;
                            let style = format!("left:{}px;top:{top}px", f.x(start));
                            let count = o.count;
                            let label = count_in(&Intl(lang), Counted::MoreEvents, count);
                            view! {
                                <button type="button" class="tl-more" style=style tabindex="-1" aria-label=label
                                    data-zoom-day=start.to_string()>
                                    {format!("+{}", Intl(lang).number(count as f64))}
                                </button>
                            }
                        })
                        .collect_view()
                        .into_any()
                })
            })
        })
    };

    let (on_pointer, on_wheel) = pointer_handlers(node, vp, width);
    let on_keydown = keydown_handler(tl.clone(), node);
    // Clicks on the marks, handled here rather than by a listener each: an
    // event opens its details; a "+N" marker zooms in four times on where its
    // events start.
    let on_axis_click = {
        let tl = tl.clone();
        move |ev: web_sys::MouseEvent| {
            let Some(target) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".tl-event, .tl-more").ok().flatten())
            else {
                return;
            };
            // The mark's place in time order (event ids are unique only within
            // their case or campaign).
            let index = target
                .get_attribute("data-index")
                .and_then(|i| i.parse::<usize>().ok())
                .filter(|&i| i < tl.entries.len());
            if let Some(index) = index {
                tl.selected.set(Some(index));
                tl.detail.set(true);
            } else if let Some(day) = target
                .get_attribute("data-zoom-day")
                .and_then(|day| day.parse::<f64>().ok())
            {
                vp.update(|v| *v = v.zoom(4.0, day));
            }
        }
    };

    // Nothing is drawn in the axis before it is measured: drawn for no width,
    // the ticks, eras, lanes and labels were made and then all made again.
    let content = move || {
        measured.get().then(|| {
            view! {
                <div class="tl-layer" style:transform=translate>
                    {eras_view.clone()}
                    {lane_bands}
                    <div class="tl-ticks" aria-hidden="true">{ticks}</div>
                    <div class="tl-events">{events.clone()}{overflow}</div>
                </div>
                <div class="tl-lane-labels">{lane_labels.clone()}</div>
            }
        })
    };
    view! {
        <p class="timeline-help" id="timeline-help">{tr(Msg::TimelineHelp)}</p>
        <div
            class="tl-axis"
            node_ref=node
            tabindex="0"
            role="region"
            aria-label=tr(Msg::TimelineName)
            aria-describedby="timeline-help"
            dir="ltr"
            data-timeline=""
            style:height=height
            on:keydown=on_keydown
            on:pointerdown=on_pointer
            on:pointermove=on_pointer
            on:pointerup=on_pointer
            on:pointercancel=on_pointer
            on:wheel=on_wheel
            on:click=on_axis_click
        >
            {content}
        </div>
    }
}
