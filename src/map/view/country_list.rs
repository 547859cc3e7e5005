//! The countries of the selection as a sortable table.

use leptos::prelude::*;

use super::MapCtx;
use crate::i18n::Locale;
use crate::i18n::{Msg, fill};
use crate::map::{SortKey, sorted};
use crate::ui::lang::{tr, use_intl, use_lang};

/// The countries of the selection as a sortable table; a row opens the panel
/// (its button, or Enter on the row), and focus or hover highlights the country.
#[component]
pub(super) fn CountryList() -> impl IntoView {
    let ctx = expect_context::<MapCtx>();
    let sort = RwSignal::new((SortKey::Name, false));
    let lang = use_lang();
    let header = move |key: SortKey, msg: Msg| {
        let aria_sort = move || match sort.get() {
            (k, false) if k == key => "ascending",
            (k, true) if k == key => "descending",
            _ => "none",
        };
        let label = move || {
            fill(
                Msg::MapSortBy.text(lang.get()),
                &[("column", msg.text(lang.get()))],
            )
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button
                    type="button"
                    class="map-sort"
                    data-sort=match key { SortKey::Name => "name", SortKey::Members => "members", SortKey::Cases => "cases" }
                    title=label
                    on:click=move |_| sort.update(|(k, d)| {
                        if *k == key { *d = !*d } else { *k = key; *d = key != SortKey::Name }
                    })
                >
                    {tr(msg)}
                </button>
            </th>
        }
    };
    let intl = use_intl();
    let rows = move || {
        let (key, descending) = sort.get();
        // Named and ordered in the reader's language (Intl.DisplayNames, Intl.Collator).
        let locale = intl();
        let mut countries = ctx.selection.with(|s| s.countries.clone());
        for country in &mut countries {
            country.name = locale.country(&country.code);
        }
        let countries = sorted(countries, key, descending, &locale);
        if countries.is_empty() {
            return view! { <tr><td colspan="3">{tr(Msg::MapNoMatch)}</td></tr> }.into_any();
        }
        countries
            .into_iter()
            .map(|c| {
                let code = c.code.clone();
                let open = {
                    let code = code.clone();
                    move || ctx.open(code.clone())
                };
                let on_key = {
                    let open = open.clone();
                    move |ev: leptos::ev::KeyboardEvent| {
                        let on_row = ev.target() == ev.current_target();
                        if on_row && (ev.key() == "Enter" || ev.key() == " ") {
                            ev.prevent_default();
                            open();
                        }
                    }
                };
                let hover = {
                    let code = code.clone();
                    move |entering: bool| ctx.hover(&code, entering)
                };
                let (h1, h2, h3) = (hover.clone(), hover.clone(), hover.clone());
                let current = {
                    let code = code.clone();
                    move || {
                        ctx.view
                            .with(|v| v.country.as_deref() == Some(code.as_str()))
                    }
                };
                view! {
                    <tr
                        data-country=code.clone()
                        tabindex="-1"
                        class:map-row-open=current
                        on:keydown=on_key
                        on:mouseenter=move |_| hover(true)
                        on:mouseleave=move |_| h1(false)
                        on:focusin=move |_| h2(true)
                        on:focusout=move |_| h3(false)
                    >
                        <th scope="row">
                            <button type="button" class="map-open" on:click=move |_| open()>
                                {c.name}
                            </button>
                        </th>
                        <td>{c.members}</td>
                        <td>{c.cases}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let count = move || intl().number(ctx.selection.with(|s| s.countries.len()) as f64);
    view! {
        <h2 id="countries-heading">{tr(Msg::CountriesWithMembers)}" ("<span data-count="countries">{count}</span>")"</h2>
        <table class="data map-countries" aria-labelledby="countries-heading">
            <thead><tr>
                {header(SortKey::Name, Msg::Country)}
                {header(SortKey::Members, Msg::Members)}
                {header(SortKey::Cases, Msg::Cases)}
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
