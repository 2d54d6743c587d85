//! Follow-up actions: due in the next period of the same length, overdue, and open ones
//! without a due date.

use serde::Serialize;

use crate::model::{Dataset, FollowUpStatus};
use crate::period::Period;

/// A reference to one follow-up of one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUpItem {
    pub event: String,
    /// Position in the event's `follow_ups`.
    pub index: usize,
    /// As recorded (`2025-12`, `2025-12-31`, `2025`).
    pub due: Option<String>,
    /// The last day the due date allows.
    pub deadline: Option<String>,
    pub status: FollowUpStatus,
}

pub(super) struct FollowUps {
    pub due: Vec<FollowUpItem>,
    pub overdue: Vec<FollowUpItem>,
    pub open: Vec<FollowUpItem>,
}

/// Open follow-ups of events that started by the end of `period`: those
/// whose deadline falls in the next period of the same length, those whose
/// deadline has passed by the end of `period`, and this period's ones with
/// no due date.
pub(super) fn collect(dataset: &Dataset, period: Period) -> FollowUps {
    let next = period.next();
    let (mut due, mut overdue, mut open) = (Vec::new(), Vec::new(), Vec::new());
    for e in dataset
        .events
        .iter()
        .filter(|e| e.start.date <= period.end())
    {
        for (index, f) in e.follow_ups.iter().enumerate() {
            if !f.status.is_open() {
                continue;
            }
            let deadline = f.due.map(|d| d.last_day());
            let item = FollowUpItem {
                event: e.id.clone(),
                index,
                due: f.due.map(|d| d.to_string()),
                deadline: deadline.map(|d| d.to_string()),
                status: f.status,
            };
            match deadline {
                Some(d) if next.contains(d) => due.push((d, item)),
                Some(d) if d <= period.end() => overdue.push((d, item)),
                Some(_) => {}
                None if period.counts(e.start) => open.push((e.start.date, item)),
                None => {}
            }
        }
    }
    // Earliest deadline first; events are already in date order.
    let sorted = |mut v: Vec<(crate::model::Date, FollowUpItem)>| {
        v.sort_by_key(|a| a.0);
        v.into_iter().map(|(_, item)| item).collect()
    };
    FollowUps {
        due: sorted(due),
        overdue: sorted(overdue),
        open: sorted(open),
    }
}
