//! How `errcodes explain` finds codes: by the code as sent, by the code or
//! the variant name in any case and with any separators (what `Debug`
//! prints and the pages' Rust column shows), by a status, or by the words
//! of titles and descriptions.

use errcodes_codegen::CheckedCode;

use crate::load::Loaded;

/// How many near misses an unknown query gets at most.
const SUGGESTIONS: usize = 3;

/// One code of one catalog.
#[derive(Clone, Copy)]
pub(crate) struct Hit<'c> {
    pub(crate) catalog: &'c Loaded,
    pub(crate) code: &'c CheckedCode,
}

/// What a query found.
pub(crate) enum Found<'c> {
    /// Codes the query names: each is explained.
    Named(Vec<Hit<'c>>),
    /// Codes the query describes, best first, and how.
    Listed(String, Vec<Hit<'c>>),
    /// Nothing; the codes nearest in spelling, nearest first.
    Nothing(Vec<Hit<'c>>),
}

/// Finds what `query` means in `catalogs`: the first of these that finds
/// anything.
///
/// 1. the code exactly as sent;
/// 2. the code or the variant name, ignoring case and separators;
/// 3. a status: every code sent with it;
/// 4. words (a query with spaces, or one word of letters): the codes
///    whose title has them all, then those whose description or
///    resolution has them all.
///
/// A status or words that find exactly one code name it.
pub(crate) fn find<'c>(query: &str, catalogs: &'c [Loaded]) -> Found<'c> {
    let all = || {
        catalogs.iter().flat_map(|catalog| {
            catalog
                .catalog
                .codes
                .iter()
                .map(move |code| Hit { catalog, code })
        })
    };
    let exact: Vec<Hit<'c>> = all().filter(|hit| hit.code.code.value == query).collect();
    if !exact.is_empty() {
        return Found::Named(exact);
    }
    let key = squash(query);
    let named: Vec<Hit<'c>> = all()
        .filter(|hit| {
            !key.is_empty()
                && (squash(&hit.code.code.value) == key || squash(&hit.code.name.value) == key)
        })
        .collect();
    if !named.is_empty() {
        return Found::Named(named);
    }
    if let Some(status) = query
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|status| (100..=599).contains(status))
    {
        let with: Vec<Hit<'c>> = all()
            .filter(|hit| hit.code.status.value == status)
            .collect();
        return listed(format!("with status {status}"), with, query, all());
    }
    // A query spelled like a code (`to_many_requests`) is a misspelt code,
    // not words: it gets the nearest codes.
    let wanted = words(query);
    let prose = query.contains(' ') || query.chars().all(char::is_alphabetic);
    if prose && !wanted.is_empty() {
        // A word of the query may start a longer one: `request` finds
        // "requests".
        let has_all = |text: &str| {
            let have = words(text);
            wanted
                .iter()
                .all(|word| have.iter().any(|had| had.starts_with(word.as_str())))
        };
        let in_title = all().filter(|hit| has_all(&hit.code.title.value));
        let in_text = all().filter(|hit| {
            !has_all(&hit.code.title.value)
                && [&hit.code.description, &hit.code.resolution]
                    .into_iter()
                    .flatten()
                    .any(|text| has_all(&text.value))
        });
        let hits: Vec<Hit<'c>> = in_title.chain(in_text).collect();
        return listed(
            format!("whose title or description has {}", quoted(&wanted)),
            hits,
            query,
            all(),
        );
    }
    Found::Nothing(nearest(query, all()))
}

/// A list, one code named, or the nearest codes when the list is empty.
fn listed<'c>(
    how: String,
    hits: Vec<Hit<'c>>,
    query: &str,
    all: impl Iterator<Item = Hit<'c>>,
) -> Found<'c> {
    match hits.len() {
        0 => Found::Nothing(nearest(query, all)),
        1 => Found::Named(hits),
        _ => Found::Listed(how, hits),
    }
}

/// The codes nearest to `query` in spelling, by their code or their
/// variant name, ignoring case and separators.
fn nearest<'c>(query: &str, all: impl Iterator<Item = Hit<'c>>) -> Vec<Hit<'c>> {
    let key = squash(query);
    let limit = (key.chars().count() / 3).max(2);
    let mut near: Vec<(usize, usize, Hit<'c>)> = all
        .enumerate()
        .filter_map(|(order, hit)| {
            let distance = [&hit.code.code.value, &hit.code.name.value]
                .into_iter()
                .map(|name| strsim::damerau_levenshtein(&key, &squash(name)))
                .min()?;
            (distance <= limit).then_some((distance, order, hit))
        })
        .collect();
    near.sort_by_key(|&(distance, order, _)| (distance, order));
    near.into_iter()
        .take(SUGGESTIONS)
        .map(|(_, _, hit)| hit)
        .collect()
}

/// `text` in lower case without anything but letters and digits:
/// `UniqueViolation`, `unique_violation` and `UNIQUE-VIOLATION` are one.
pub(crate) fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text`, in lower case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|word| format!("`{word}`"))
        .collect::<Vec<_>>()
        .join(" and ")
}
