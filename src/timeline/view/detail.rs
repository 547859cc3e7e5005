use super::*;

/// The detail of the selected event: text, media, sources, links to the case and the map.
#[component]
pub(super) fn EventDetail(
    tl: Tl,
    /// The event's index in time order.
    index: usize,
) -> impl IntoView {
    let Some(entry) = tl.event(index) else {
        return ().into_any();
    };
    let lang = use_lang();
    let event = entry.event.clone();
    let headline = localized(&event.headline);
    let style_of = layout::DateStyle::of(&event);
    let date = {
        let event = event.clone();
        move || event.date_label_in(&Intl(lang.get()))
    };
    let sources = (!event.sources.is_empty()).then(|| {
        let items = event
            .sources
            .iter()
            .map(|s| {
                let title = localized_opt(s.title.as_ref());
                let url = s.url.clone();
                let shown = url.clone();
                let label = move || {
                    let t = title();
                    if t.is_empty() { shown.clone() } else { t }
                };
                view! { <li>{external_or_local_link(url, view! { {label} }.into_any())}</li> }
            })
            .collect_view();
        view! {
            <h3>{tr(Msg::Sources)}</h3>
            <ul class="tl-sources">{items}</ul>
        }
    });
    let media = event.media.clone().map(|m| view! { <MediaView media=m/> });
    let detail = tl.detail;
    let heading_id = "timeline-detail-title";
    view! {
        <aside class="tl-detail" aria-labelledby=heading_id data-timeline-detail=event.id.clone()>
            <button type="button" class="button tl-detail-close" on:click=move |_| detail.set(false)
                aria-label=tr(Msg::CloseDetails)>"×"</button>
            <p class="tl-detail-date">
                {date}
                {style_of.uncertain.then(|| view! { " (" {tr(Msg::UncertainDate)} ")" })}
            </p>
            <h2 id=heading_id>{headline}" "<IllustrativeBadge illustrative=event.illustrative/></h2>
            <RichText text=event.text.clone()/>
            {media}
            {sources}
            <EventLinks tl=tl.clone() index=index/>
        </aside>
    }
    .into_any()
}

/// Links from an event to its case's page and to its country on the map.
#[component]
pub(super) fn EventLinks(tl: Tl, index: usize) -> impl IntoView {
    let Some(entry) = tl.event(index) else {
        return ().into_any();
    };
    let lang = use_lang();
    let event = entry.event;
    let case = entry
        .case_id
        .and_then(|id| tl.data.dataset.case(id))
        .cloned();
    let country = case
        .as_ref()
        .map(|c| c.country.clone())
        .or_else(|| event.place.as_ref().and_then(|p| p.country.clone()));
    let case_link = case.map(|case| {
        let person = case.person.clone();
        let page = href(Route::Case(&case.id));
        let text = move || {
            fill(
                Msg::CaseOf.text(lang.get()),
                &[("person", person.resolve(lang.get().code()))],
            )
        };
        view! { <li><a href=page>{text}</a></li> }
    });
    let map_link = country.map(|cc| {
        let on_map = href(Route::MapCountry(&cc));
        view! { <li><a href=on_map>{tr(Msg::ShowOnMap)}</a></li> }
    });
    view! { <ul class="tl-links">{case_link}{map_link}</ul> }.into_any()
}
