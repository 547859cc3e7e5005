//! Stable sorting through one shared instantiation of std's sort.
//!
//! Every `slice::sort_by` call site compiles its own copy of std's stable sort
//! (driftsort: about 4 KB of wasm per site). These helpers sort a permutation
//! of indices with a `&dyn` comparison instead, so the whole app carries one
//! copy of the sort, at the price of an indirect call per comparison and one
//! index vector per sort (the lists sorted here are at most a few thousand long).
//! Same results as `sort_by`/`sort_by_key`: stable, equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = items;
        stable_order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
            (Some(a), Some(b)) => compare(a, b),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` stably by the key `key` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..len` in the stable order `compare` (on indices) defines:
/// the one instantiation of std's sort.
#[inline(never)]
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_std() {
        let mut items: Vec<(u8, char)> = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let mut expected = items.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut items, |p| p.0);
        assert_eq!(items, expected);
        assert_eq!(
            items,
            vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );

        sort_by(&mut items, |a, b| b.0.cmp(&a.0));
        assert_eq!(
            items,
            vec![(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]
        );
    }

    #[test]
    fn empty_and_single() {
        let mut empty: Vec<String> = Vec::new();
        sort_by(&mut empty, |a, b| a.cmp(b));
        assert!(empty.is_empty());
        let mut one = vec!["x".to_owned()];
        sort_by(&mut one, |a, b| a.cmp(b));
        assert_eq!(one, vec!["x".to_owned()]);
    }

    #[test]
    fn matches_std_on_many_ties() {
        let mut items: Vec<(u32, u32)> = (0..500).map(|i| ((i * 7919) % 13, i)).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|a| a.0);
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, expected);
    }
}
