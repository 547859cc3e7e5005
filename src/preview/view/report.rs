//! The check's report: every problem linked to its place, and downloads.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{Locale, Msg, fill, stats_summary};
use crate::model::{Loaded, Problem, Severity};
use crate::preview::view::download;
use crate::ui::lang::{tr, use_intl, use_lang};

/// Every problem, each a button that shows its place in the draft; the summary
/// `mapline check` would print; downloads of the normalised dataset and report.
#[component]
pub(super) fn CheckReport(
    /// The latest check of the draft.
    checked: RwSignal<Arc<Loaded>>,
    /// Called with a problem the reader wants to see in the text.
    on_select: impl Fn(Problem) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let intl = use_intl();
    let summary = move || checked.with(|l| stats_summary(&intl(), &l.dataset.stats()));
    let count = move || checked.with(|l| l.problems.len());
    let download_dataset = move |_| {
        let json = checked.with_untracked(|l| {
            serde_json::to_string_pretty(&l.dataset.to_document()).unwrap_or_default()
        });
        download("mapline-dataset.json", "application/json", &json);
    };
    let download_report = move |_| {
        let report = checked.with_untracked(|l| l.report());
        download("mapline-check.txt", "text/plain", &report);
    };
    view! {
        <div class="check-report">
            <h2>{tr(Msg::CheckReport)}</h2>
            <p class="preview-summary" role="status">{summary}</p>
            {move || {
                let problems = checked.with(|l| l.problems.clone());
                if problems.is_empty() {
                    return view! { <p class="no-problems">{tr(Msg::NoProblems)}</p> }.into_any();
                }
                view! {
                    <p>{move || fill(Msg::DataProblems.text(lang.get()), &[("count", &intl().number(count() as f64))])}</p>
                    <ol class="problem-links">
                        {problems
                            .into_iter()
                            .map(|problem| {
                                let severity = match problem.severity {
                                    Severity::Error => "error",
                                    Severity::Warning => "warning",
                                };
                                let label = problem.to_string();
                                let line = problem.line.map(|l| l.to_string());
                                let column = problem.column.map(|c| c.to_string());
                                view! {
                                    <li data-severity=severity>
                                        <button type="button" class="problem-link" data-line=line data-column=column
                                            on:click=move |_| on_select(problem.clone())>
                                            <code>{label}</code>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <p class="downloads">
                <button type="button" class="button" on:click=download_dataset>{tr(Msg::DownloadDataset)}</button>
                " "
                <button type="button" class="button secondary" on:click=download_report>{tr(Msg::DownloadReport)}</button>
            </p>
        </div>
    }
}
