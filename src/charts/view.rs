//! The results infographic: bar charts drawn as SVG by our own components,
//! each bar focusable with its value as its name, and each chart with a table
//! of the same numbers.

use leptos::prelude::*;

use crate::charts::{
    AXIS_HEIGHT, BAR_GAP, BAR_HEIGHT, CHART_WIDTH, LABEL_WIDTH, OutcomeTallies, bar_length,
    nice_axis,
};
use crate::i18n::{Locale, Msg, outcome_kind};
use crate::ui::lang::{tr, use_intl, use_lang};

/// One bar's label (in the reader's language) and value.
#[derive(Clone)]
struct Bar {
    label: String,
    count: usize,
}

/// Outcomes by kind, by country and by year, as three charts.
#[component]
pub fn OutcomesInfographic(
    /// The counts to draw.
    tallies: OutcomeTallies,
    /// A prefix for element ids, unique on the page.
    id: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let kind_bars = {
        let tallies = tallies.clone();
        move || {
            tallies
                .by_kind
                .iter()
                .map(|t| Bar {
                    label: outcome_kind(t.key).text(lang.get()).to_owned(),
                    count: t.count,
                })
                .collect::<Vec<_>>()
        }
    };
    let intl = use_intl();
    let country_bars = {
        let tallies = tallies.clone();
        move || {
            let intl = intl();
            tallies
                .by_country
                .iter()
                .map(|t| Bar {
                    label: intl.country(&t.key),
                    count: t.count,
                })
                .collect::<Vec<_>>()
        }
    };
    let year_bars = move || {
        let intl = intl();
        tallies
            .by_year
            .iter()
            .map(|t| Bar {
                label: crate::i18n::year(&intl, t.key),
                count: t.count,
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="infographic" aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{tr(Msg::ResultsInfographic)}</h2>
            <div class="charts">
                <BarChart id=format!("{id}-kind") title=Msg::OutcomesByKind key_header=Msg::Kind bars=Signal::derive(kind_bars)/>
                <BarChart id=format!("{id}-country") title=Msg::OutcomesByCountry key_header=Msg::Country bars=Signal::derive(country_bars)/>
                <BarChart id=format!("{id}-year") title=Msg::OutcomesByYear key_header=Msg::Year bars=Signal::derive(year_bars)/>
            </div>
        </section>
    }
}

/// A horizontal bar chart with its table alternative.
#[component]
fn BarChart(
    /// Id of the chart, for its heading.
    id: String,
    /// The chart's title.
    title: Msg,
    /// The header of the table's first column.
    key_header: Msg,
    /// The bars, in order.
    bars: Signal<Vec<Bar>>,
) -> impl IntoView {
    let intl = use_intl();
    let written = move |n: usize| intl().number(n as f64);
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    let chart = move || {
        let bars = bars.get();
        let (top, ticks) = nice_axis(bars.iter().map(|b| b.count).max().unwrap_or(0));
        let plot_width = CHART_WIDTH - LABEL_WIDTH - 16.0;
        let height = AXIS_HEIGHT + bars.len() as f64 * (BAR_HEIGHT + BAR_GAP);
        let tick_marks = ticks
            .into_iter()
            .map(|tick| {
                let x = LABEL_WIDTH + bar_length(tick, top, plot_width);
                view! {
                    <g class="tick" aria-hidden="true">
                        <line x1=x x2=x y1=AXIS_HEIGHT - 4.0 y2=height></line>
                        <text x=x y=AXIS_HEIGHT - 8.0 text-anchor="middle">{written(tick)}</text>
                    </g>
                }
            })
            .collect_view();
        let rows = bars
            .into_iter()
            .enumerate()
            .map(|(i, bar)| {
                let y = AXIS_HEIGHT + i as f64 * (BAR_HEIGHT + BAR_GAP);
                let length = bar_length(bar.count, top, plot_width).max(2.0);
                let value = written(bar.count);
                let name = format!("{}: {value}", bar.label);
                view! {
                    <g class="bar" tabindex="0" role="img" aria-label=name>
                        <text x=LABEL_WIDTH - 8.0 y=y + BAR_HEIGHT * 0.7 text-anchor="end" aria-hidden="true">{bar.label}</text>
                        <rect x=LABEL_WIDTH y=y width=length height=BAR_HEIGHT rx="3"></rect>
                        <text x=LABEL_WIDTH + length + 6.0 y=y + BAR_HEIGHT * 0.7 class="bar-value" aria-hidden="true">{value}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg class="bar-chart" viewBox=format!("0 0 {CHART_WIDTH} {height}") role="group" aria-labelledby=labelled_by.clone()
                preserveAspectRatio="xMinYMin meet">
                {tick_marks}
                {rows}
            </svg>
        }
    };
    view! {
        <figure class="chart" data-chart=id.clone()>
            <figcaption id=heading_id><h3>{tr(title)}</h3></figcaption>
            {chart}
            <details class="chart-table">
                <summary>{tr(Msg::ShowTable)}</summary>
                <table class="data">
                    <thead><tr><th scope="col">{tr(key_header)}</th><th scope="col">{tr(Msg::Count)}</th></tr></thead>
                    <tbody>
                        {move || bars.get().into_iter().map(|bar| view! {
                            <tr><th scope="row">{bar.label}</th><td>{written(bar.count)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
