//! The panel of the open country.

use leptos::prelude::*;

use super::{MapCtx, effect};
use crate::data::SharedData;
use crate::i18n::Locale;
use crate::i18n::{Msg, case_status};
use crate::route::Route;
use crate::ui::lang::{country_name, tr, use_intl};
use crate::ui::links::href;
use crate::ui::record::IllustrativeBadge;
use crate::ui::text::localized;

/// The open country: its members and cases (under the filters), with links.
#[component]
pub(super) fn CountryPanel(
    /// The loaded dataset.
    data: SharedData,
    /// ISO alpha-2 of the country.
    code: String,
) -> impl IntoView {
    let ctx = expect_context::<MapCtx>();
    let heading = NodeRef::<leptos::html::H2>::new();
    effect(Box::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    }));
    let name = country_name(&code);
    let intl = use_intl();
    let panel_content = {
        let code = code.clone();
        move || {
            let selection = ctx.selection.get();
            let members: Vec<_> = selection
                .members
                .iter()
                .filter_map(|&i| data.dataset.members.get(i))
                .filter(|m| m.country == code)
                .cloned()
                .collect();
            let cases: Vec<_> = selection
                .cases
                .iter()
                .filter_map(|&i| data.dataset.cases.get(i))
                .filter(|c| c.country == code)
                .cloned()
                .collect();
            view! {
                <h3>{tr(Msg::Members)}" ("{let n = members.len() as f64; move || intl().number(n)}")"</h3>
                <ul class="map-panel-members">
                    {members.into_iter().map(|m| {
                        let name = localized(&m.name);
                        view! {
                            <li data-member-id=m.id.clone()>
                                <a href=href(Route::Member(&m.id))>{name}</a>
                                " "<IllustrativeBadge illustrative=m.illustrative/>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {(!cases.is_empty()).then(|| view! {
                    <h3>{tr(Msg::Cases)}" ("{let n = cases.len() as f64; move || intl().number(n)}")"</h3>
                    <ul class="map-panel-cases">
                        {cases.into_iter().map(|c| {
                            let person = localized(&c.person);
                            view! {
                                <li data-case-id=c.id.clone()>
                                    <a href=href(Route::Case(&c.id))>{person}</a>
                                    " · "{tr(case_status(c.status))}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
            }
        }
    };
    view! {
        <aside class="map-panel" data-panel-country=code.clone() aria-labelledby="map-panel-title">
            <div class="map-panel-head">
                <h2 id="map-panel-title" tabindex="-1" node_ref=heading>{name}</h2>
                <button type="button" class="button map-panel-close" on:click=move |_| ctx.close()>
                    {tr(Msg::MapClose)}
                </button>
            </div>
            {panel_content}
        </aside>
    }
    .into_any()
}
