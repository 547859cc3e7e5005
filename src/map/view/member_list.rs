//! The members of the selection as a table.

use leptos::prelude::*;

use super::MapCtx;
use crate::data::SharedData;
use crate::i18n::Locale;
use crate::i18n::Msg;
use crate::route::Route;
use crate::ui::lang::{country_name, tr, use_intl};
use crate::ui::links::href;
use crate::ui::record::IllustrativeBadge;
use crate::ui::text::localized;

/// The members of the selection, by country.
#[component]
pub(super) fn MemberList(
    /// The loaded dataset.
    data: SharedData,
) -> impl IntoView {
    let ctx = expect_context::<MapCtx>();
    let rows = move || {
        let mut members: Vec<_> = ctx.selection.with(|s| {
            s.members
                .iter()
                .filter_map(|&i| data.dataset.members.get(i))
                .cloned()
                .collect()
        });
        crate::sort::sort_by(&mut members, |a, b| {
            a.country.cmp(&b.country).then_with(|| a.id.cmp(&b.id))
        });
        members
            .into_iter()
            .map(|m| {
                let name = localized(&m.name);
                let city = m.city.as_ref().map(localized);
                let country = country_name(&m.country);
                view! {
                    <tr data-member-id=m.id.clone()>
                        <th scope="row"><a href=href(Route::Member(&m.id))>{name}</a>" "<IllustrativeBadge illustrative=m.illustrative/></th>
                        <td>{country}</td>
                        <td>{city}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let intl = use_intl();
    let count = move || intl().number(ctx.selection.with(|s| s.members.len()) as f64);
    view! {
        <h2 id="members-heading">{tr(Msg::Members)}" ("<span data-count="members">{count}</span>")"</h2>
        <table class="data" aria-labelledby="members-heading">
            <thead><tr><th scope="col">{tr(Msg::Member)}</th><th scope="col">{tr(Msg::Country)}</th><th scope="col">{tr(Msg::City)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
