//! `errcodes explain CODE`: everything known about one code, as `rustc
//! --explain` tells about an error; an unknown code gets the closest ones.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::facts;
use crate::specs::{self, Catalog, Stop};

/// How many suggestions an unknown code gets at most.
const SUGGESTIONS: usize = 3;

pub(crate) fn run(code: &str, paths: &[PathBuf]) -> Result<ExitCode, Stop> {
    let paths = if paths.is_empty() {
        specs::default_paths()?
    } else {
        paths.to_vec()
    };
    let catalogs = specs::checked(&paths)?;
    let mut found = false;
    for catalog in &catalogs {
        if let Some(entry) = catalog
            .catalog
            .codes
            .iter()
            .find(|entry| entry.code == code)
        {
            if found {
                println!();
            }
            print!("{}", explain(catalog, entry)?);
            found = true;
        }
    }
    if found {
        return Ok(ExitCode::SUCCESS);
    }
    let mut message = format!(
        "no catalog has the code `{code}` (searched {})",
        list(catalogs.iter().map(|catalog| catalog.path.as_str()))
    );
    let suggestions = closest(code, &catalogs);
    if !suggestions.is_empty() {
        let _ = write!(message, "\n\nthe closest codes are:");
        for (code, catalog) in suggestions {
            let _ = write!(message, "\n  {code}  ({catalog})");
        }
    }
    Err(Stop::Message(message))
}

/// The explanation of `code`.
fn explain(catalog: &Catalog, code: &errcodes_codegen::CheckedCode) -> Result<String, String> {
    let checked = &catalog.catalog;
    let mut out = format!(
        "{}: {}\n\n  catalog   {} ({})\n  variant   {}::{}\n  status    {}\n  action    {}: {}\n  severity  {}\n  outcome   {}\n",
        code.code,
        code.title,
        checked.name,
        catalog.path,
        checked.name,
        code.name,
        facts::status_line(code.status),
        code.action,
        facts::advice(code.action),
        code.severity,
        code.outcome,
    );
    if let Some(origin) = code.origin {
        let _ = writeln!(out, "  origin    {origin}");
    }
    if let Some(domain) = code.domain.and_then(|i| checked.domains.get(i)) {
        let _ = writeln!(out, "  domain    {} ({})", domain.title, domain.id);
    }
    if let Some(reason) = &code.deprecated {
        let _ = write!(out, "\nDeprecated: {reason}\n");
        if let Some(replacement) = code.replaced_by.and_then(|i| checked.codes.get(i)) {
            let _ = writeln!(
                out,
                "Use `{}` ({}::{}) instead.",
                replacement.code, checked.name, replacement.name
            );
        }
    }
    if let Some(description) = &code.description {
        let _ = write!(out, "\n{description}\n");
    }
    if let Some(resolution) = &code.resolution {
        let _ = write!(out, "\nResolution: {resolution}\n");
    }
    let example = facts::example(checked, code)?;
    let _ = write!(out, "\nThe response a server sends:\n\n");
    for line in example.lines() {
        match line {
            "" => out.push('\n'),
            line => {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    Ok(out)
}

/// The codes nearest to `code` in spelling, nearest first, with the path of
/// their catalog.
fn closest<'c>(code: &str, catalogs: &'c [Catalog]) -> Vec<(&'c str, &'c str)> {
    let limit = (code.chars().count() / 3).max(2);
    let lower = code.to_lowercase();
    let mut near: Vec<(usize, &str, &str)> = catalogs
        .iter()
        .flat_map(|catalog| {
            catalog.catalog.codes.iter().map(|entry| {
                let distance = strsim::damerau_levenshtein(&lower, &entry.code.to_lowercase());
                (distance, entry.code.as_str(), catalog.path.as_str())
            })
        })
        .filter(|&(distance, _, _)| distance <= limit)
        .collect();
    near.sort_unstable();
    near.into_iter()
        .take(SUGGESTIONS)
        .map(|(_, code, path)| (code, path))
        .collect()
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
