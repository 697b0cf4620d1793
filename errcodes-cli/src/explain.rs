//! `errcodes explain CODE`: everything known about one code, as `rustc
//! --explain` tells about an error. The code may be given as sent, as its
//! variant name, or looked up by status or words (module `find`);
//! an unknown one gets the closest ones.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use errcodes_codegen::CheckedCode;

use errcodes_runtime::GrpcCode;

use crate::find::{self, Found};
use crate::language::Language;
use crate::load::{self, Loaded};
use crate::{Exit, Io, Stop, facts};

/// Explains a code: its catalog, status, action and what a client
/// should do, description, resolution and an example response.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  errcodes explain too_many_requests                 # searches specs/*.yaml
  errcodes explain 1030-400 --spec specs/privacy.yaml
  errcodes explain 1030-400 specs/privacy.yaml       # the same
  errcodes explain TooManyRequests                   # the variant name
  errcodes explain 429                               # every code sent with 429
  errcodes explain rate limit                        # words of titles and descriptions
  errcodes explain RATE_LIMIT_EXCEEDED --lang pl     # its texts in a translation")]
pub struct Args {
    /// The code as sent, or its variant name in any case (`UniqueViolation`,
    /// `unique_violation`), a status (`429`), or words of its title or
    /// description (`deadlock`); several words are one query. A word that
    /// ends in `.yaml` or `.yml` is a catalog to search, as with `--spec`.
    #[arg(required = true, num_args = 1..)]
    pub code: Vec<String>,
    /// The catalogs to search; by default, `specs/*.yaml` under the
    /// current directory.
    #[arg(long = "spec", value_name = "SPEC")]
    pub specs: Vec<PathBuf>,
    /// Show the code's texts in this language, one of its catalog's
    /// `locales`; the catalog's own where the translation leaves one out.
    #[arg(long = "lang", value_name = "TAG")]
    pub lang: Option<String>,
}

/// Runs `errcodes explain`.
///
/// # Errors
///
/// When a catalog cannot be read or has errors, or no catalog has the
/// code.
pub fn run(args: &Args, io: &mut Io<'_>) -> Exit {
    // `errcodes explain CODE specs/shop.yaml`, as `check` and `docs` take
    // their catalogs, names the catalog rather than words of the query.
    let (named, words): (Vec<&str>, Vec<&str>) = args
        .code
        .iter()
        .map(String::as_str)
        .partition(|word| load::is_catalog(Path::new(word)));
    if words.is_empty() {
        return Err(Stop::Message(format!(
            "no code to explain, only catalogs ({}): give a code, a status or words, as in `errcodes explain 429 {}`",
            list(named.iter().copied()),
            named.join(" ")
        )));
    }
    let code = words.join(" ");
    let code = code.as_str();
    let mut paths: Vec<PathBuf> = args.specs.clone();
    paths.extend(named.iter().map(PathBuf::from));
    if paths.is_empty() {
        paths = load::default_paths()?;
    }
    let catalogs = load::checked(&paths, io)?;
    let nearest = match find::find(code, &catalogs) {
        Found::Named(hits) => {
            for (i, hit) in hits.iter().enumerate() {
                if i > 0 {
                    writeln!(io.out)?;
                }
                let language = language(hit.catalog, args.lang.as_deref())?;
                write!(io.out, "{}", explain(hit.catalog, hit.code, language)?)?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        Found::Listed(how, hits) => {
            writeln!(io.out, "{} codes {how}:\n", hits.len())?;
            let width = hits
                .iter()
                .map(|hit| hit.code.code.value.chars().count())
                .max()
                .unwrap_or(0);
            for hit in &hits {
                writeln!(
                    io.out,
                    "  {:width$}  {} {}  ({})",
                    hit.code.code.value,
                    hit.code.status.value,
                    hit.code.title.value,
                    hit.catalog.path
                )?;
            }
            writeln!(
                io.out,
                "\n`errcodes explain <CODE>` tells everything about one."
            )?;
            return Ok(ExitCode::SUCCESS);
        }
        Found::Nothing(nearest) => nearest,
    };
    let mut message = format!(
        "no catalog has the code `{code}`, nor a code named, titled or described so (searched {})",
        list(catalogs.iter().map(|catalog| catalog.path.as_str()))
    );
    if !nearest.is_empty() {
        let _ = write!(message, "\n\nthe closest codes are:");
        for hit in nearest {
            let code = &hit.code.code.value;
            let name = &hit.code.name.value;
            // The variant name too where it is not the code spelt otherwise.
            if find::squash(name) == find::squash(code) {
                let _ = write!(message, "\n  {code}  ({})", hit.catalog.path);
            } else {
                let _ = write!(message, "\n  {code} {name}  ({})", hit.catalog.path);
            }
        }
    }
    Err(Stop::Message(message))
}

/// `loaded`'s language `lang`, or its own without one.
fn language<'c>(loaded: &'c Loaded, lang: Option<&str>) -> Result<Language<'c>, String> {
    let catalog = &loaded.catalog;
    let Some(lang) = lang else {
        return Ok(Language::own(catalog));
    };
    Language::of(catalog, lang).ok_or_else(|| {
        let locales = &catalog.locales;
        let mut known = vec![locales.default.value.as_str()];
        known.extend(locales.translations.iter().map(|t| t.locale.value.as_str()));
        format!(
            "{} has no translation into `{lang}`; its languages are {}",
            loaded.path,
            list(known.into_iter())
        )
    })
}

/// The explanation of `code`, its texts in `language`.
fn explain(loaded: &Loaded, code: &CheckedCode, language: Language<'_>) -> Result<String, String> {
    let catalog = &loaded.catalog;
    let enum_name = &catalog.name.value;
    let action = code.action.value;
    let mut out = format!(
        "{}: {}\n\n  catalog   {enum_name} ({})\n  variant   {enum_name}::{}\n  status    {}\n  action    {action}: {}\n  severity  {}\n  outcome   {}\n",
        code.code.value,
        language.title(code),
        loaded.path,
        code.name.value,
        facts::status_line(code.status.value),
        facts::guidance(code),
        code.severity.value,
        code.outcome.value,
    );
    if let Some(origin) = &code.origin {
        let _ = writeln!(out, "  origin    {}", origin.value);
    }
    if let Some(domain) = catalog.domain_of(code) {
        let _ = writeln!(
            out,
            "  domain    {} ({})",
            domain.title.value, domain.id.value
        );
    }
    for fact in facts::others(catalog, code) {
        let value = fact
            .value
            .map(|value| value.to_string())
            .unwrap_or_default();
        // A value of several lines (a template that chooses) keeps its
        // layout, under the first.
        let value = value.replace('\n', "\n            ");
        let _ = writeln!(out, "  {:<9} {value}", fact.key.name);
    }
    languages(catalog, code, language, &mut out);
    let grpc = facts::grpc_example(catalog, code, language)?;
    if let Some(grpc) = &grpc {
        let _ = writeln!(
            out,
            "  gRPC      {}, reason {} in {}",
            grpc.code, grpc.reason, grpc.domain
        );
    }
    fields(code, &mut out);
    if let Some(reason) = code.deprecation() {
        let _ = write!(out, "\nDeprecated: {reason}\n");
        if let Some(replacement) = catalog.replacement_of(code) {
            let _ = writeln!(
                out,
                "Use `{}` ({enum_name}::{}) instead.",
                replacement.code.value, replacement.name.value
            );
        }
    }
    if let Some(description) = language.description(code) {
        let _ = write!(out, "\n{description}\n");
    }
    if let Some(resolution) = language.resolution(code) {
        let _ = write!(out, "\nResolution: {resolution}\n");
    }
    match facts::example(catalog, code, language) {
        Some(example) => {
            let _ = write!(out, "\nThe response a server sends:\n\n");
            for line in example.lines() {
                match line {
                    "" => out.push('\n'),
                    line => {
                        let _ = writeln!(out, "    {line}");
                    }
                }
            }
        }
        None => {
            let _ = write!(
                out,
                "\nNot sent as an error response: it reports how a request, or one of its items, ended.\n"
            );
        }
    }
    if let Some(grpc) = grpc {
        let how = if grpc.code == GrpcCode::Ok {
            "carried in a response, since it is no failure"
        } else {
            "its status"
        };
        let _ = write!(out, "\nOver gRPC, {how} (google.rpc.Status, as JSON):\n\n");
        for line in grpc.status.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    Ok(out)
}

/// The catalog's languages, when it has translations, and the message in
/// the one asked for.
fn languages(
    catalog: &errcodes_codegen::CheckedCatalog,
    code: &CheckedCode,
    language: Language<'_>,
    out: &mut String,
) {
    if !catalog.locales.translations.is_empty() {
        let _ = write!(
            out,
            "  languages {} (its own)",
            catalog.locales.default.value
        );
        for translation in &catalog.locales.translations {
            let _ = write!(out, ", {}", translation.locale.value);
        }
        out.push('\n');
    }
    if let Some(message) = language.template(code) {
        // Fluent's own layout, its lines under the first.
        let message = message.replace('\n', "\n            ");
        let _ = writeln!(out, "  {:<9} {message}", language.tag());
    }
}

/// The fields each occurrence of `code` carries.
fn fields(code: &CheckedCode, out: &mut String) {
    let fields = facts::field_rows(code);
    if fields.is_empty() {
        return;
    }
    out.push_str("\nFields of each occurrence:\n");
    let width = fields.iter().map(|row| row.name.len()).max().unwrap_or(0);
    for row in fields {
        let _ = write!(out, "  {:<width$}  {} ({})", row.name, row.ty, row.presence);
        if !row.description.is_empty() {
            let _ = write!(out, ": {}", row.description);
        }
        out.push('\n');
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
