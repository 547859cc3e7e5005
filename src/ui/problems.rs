//! The list of problems found while loading data, shown wherever data is shown.

use leptos::prelude::*;

use crate::i18n::{Locale, Msg, fill};
use crate::model::{Problem, Severity};
use crate::ui::lang::{tr, use_intl};

/// A collapsible list of every problem, each with its file, line, column and JSON
/// path. Renders nothing when there are none.
#[component]
pub fn ProblemList(
    /// The problems to list, in the order found.
    problems: Vec<Problem>,
) -> impl IntoView {
    if problems.is_empty() {
        return ().into_any();
    }
    let intl = use_intl();
    let count = problems.len() as f64;
    let any_error = problems.iter().any(Problem::is_error);
    let heading = move || {
        let intl = intl();
        fill(
            Msg::DataProblems.text(intl.0),
            &[("count", &intl.number(count))],
        )
    };
    view! {
        <details class="problems" open=any_error>
            <summary>{heading}</summary>
            <p>{tr(Msg::DataProblemsNote)}</p>
            <ol>
                {problems
                    .into_iter()
                    .map(|problem| {
                        let kind = match problem.severity {
                            Severity::Error => "error",
                            Severity::Warning => "warning",
                        };
                        view! { <li data-severity=kind><code>{problem.to_string()}</code></li> }
                    })
                    .collect_view()}
            </ol>
        </details>
    }
    .into_any()
}
