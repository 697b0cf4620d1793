//! The reference pages as their readers use them: what each code means in
//! its table row, what to do that follows what is known of the code, the
//! response only for codes that are sent as errors, pretty printed, and a
//! way back to the table; the same bytes every time, for a catalog of any
//! size.

#![forbid(unsafe_code)]

mod common;

use std::fmt::Write as _;

use common::root;
use errcodes_cli::pages::page;

fn shipped(name: &str) -> String {
    let path = format!("specs/{name}.yaml");
    let text = std::fs::read_to_string(root().join(&path)).unwrap();
    let catalog = errcodes_codegen::parse(&path, &text).unwrap();
    page(&catalog, &path).unwrap()
}

/// The section of `code` on `page`: from its anchor to the next one.
fn section<'p>(page: &'p str, code: &str) -> &'p str {
    let start = page.find(&format!("<a id=\"{code}\"></a>")).unwrap();
    let rest = &page[start + 1..];
    let end = rest.find("<a id=").map_or(rest.len(), |end| end + 1);
    &page[start..start + end]
}

#[test]
fn what_to_do_follows_the_code_s_action_and_outcome_and_blames_no_one() {
    let privacy = shipped("privacy");
    let success = section(&privacy, "6000-200");
    assert!(
        success.contains("**What to do:** nothing to do: the request was carried out."),
        "{success}"
    );
    // A request partly done is not sent again: that would repeat the part
    // that succeeded.
    let edge = shipped("edge");
    let upstream = section(&edge, "UpstreamError");
    assert!(
        upstream.contains("part of the work was done, so do not send the same request again; for what failed: send it again on its own, backing off."),
        "{upstream}"
    );
    // Action `none` says what a client does, not whose fault it was.
    let pass = shipped("pass");
    for code in [
        "internal_error",
        "bad_request",
        "authorization_denied_by_mvpd",
    ] {
        let section = section(&pass, code);
        assert!(
            section.contains("**What to do:** no predefined remedy: do not send the same request again unchanged."),
            "{section}"
        );
    }
    for name in ["acp", "edge", "pass", "platform", "privacy"] {
        let page = shipped(name);
        for guess in [
            "probably wrong",
            "failed on its own",
            "retrying is not advised",
        ] {
            assert!(!page.contains(guess), "{name}: {guess}");
        }
    }
}

#[test]
fn a_redirect_that_fails_is_sent_as_an_error() {
    let yaml = "name: StoreError\nwire-format: problem\ncodes:\n  - {code: PermanentRedirect, status: 301, title: Permanent redirect, outcome: failure}\n  - {code: NotModified, status: 304, title: Not modified}\n";
    let catalog = errcodes_codegen::parse("store.yaml", yaml).unwrap();
    let page = page(&catalog, "store.yaml").unwrap();
    let redirect = section(&page, "PermanentRedirect");
    assert!(
        redirect.contains("HTTP/1.1 301 Moved Permanently"),
        "{redirect}"
    );
    assert!(
        !redirect.contains("Not sent as an error response"),
        "{redirect}"
    );
    let not_modified = section(&page, "NotModified");
    assert!(
        not_modified.contains("Not sent as an error response"),
        "{not_modified}"
    );
}

#[test]
fn codes_that_are_no_failure_show_no_error_response() {
    let privacy = shipped("privacy");
    let success = section(&privacy, "6000-200");
    assert!(!success.contains("```http"), "{success}");
    assert!(!success.contains("application/problem+json"), "{success}");
    assert!(
        success.contains("Not sent as an error response"),
        "{success}"
    );
    // An Edge warning travels in a 200 body, which is shown.
    let edge = shipped("edge");
    assert!(section(&edge, "UpstreamError").contains("HTTP/1.1 207 Multi-Status"));
}

#[test]
fn examples_are_pretty_printed_and_carry_what_support_needs() {
    let pass = shipped("pass");
    let example = section(&pass, "too_many_requests");
    assert!(
        example.contains("{\n  \"error\": {\n    \"status\": 429,"),
        "{example}"
    );
    assert!(
        example.contains("\"helpUrl\": \"https://experienceleague.adobe.com/"),
        "{example}"
    );
    assert!(example.contains("\"trace\": \""), "{example}");
    assert!(example.contains("Retry-After: 5"), "{example}");
    let acp = shipped("acp");
    // The example fills the code's fields with their examples.
    let invalid = section(&acp, "INVALID_FIELD_VALUE");
    assert!(
        invalid.contains("\"message\": \"max_results must be in the range 1-50\""),
        "{invalid}"
    );
    assert!(invalid.contains("\"provided_value\": 100"), "{invalid}");
    assert!(
        invalid.contains("| `valid_range` | `string` | optional |"),
        "{invalid}"
    );
    assert!(invalid.contains("\"providedValue\": \"100\""), "{invalid}");
    let edge = shipped("edge");
    let partial = section(&edge, "UpstreamError");
    assert!(!partial.contains("\"requestId\": \"\""), "{partial}");
    assert!(
        pass.lines().all(|line| line.chars().count() < 400),
        "no line scrolls far"
    );
}

#[test]
fn rows_say_what_codes_mean_and_sections_lead_back() {
    let pass = shipped("pass");
    // Pass titles repeat their codes: the row gives the description.
    assert!(pass.contains(
        "| [<code>too&#95;many&#95;requests</code>](#too_many_requests) | 429 Too Many Requests | Too many requests arrived within the interval;"
    ), "{}", &pass[..2000]);
    let privacy = shipped("privacy");
    // Two codes titled alike read differently.
    let rows: Vec<&str> = privacy
        .lines()
        .filter(|line| line.contains("**Data access failure**"))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_ne!(rows[0].split(" | ").nth(2), rows[1].split(" | ").nth(2));
    assert_eq!(privacy.matches("[Back to the codes](#codes)").count(), 15);
    // Sections are grouped as the tables are, under the domain's heading.
    let reference = &privacy[privacy.find("## Reference").unwrap()..];
    assert!(reference.contains("### Rate limiting\n"));
    // No row says "not given".
    assert!(!privacy.contains("not given"));
}

/// A catalog of `n` codes in `domains` domains, with ids that are not
/// their titles' slugs, like SQLSTATE classes.
fn large(n: usize, domains: usize) -> String {
    let mut yaml = String::from("name: LargeError\ndomains:\n");
    for d in 0..domains {
        let _ = writeln!(yaml, "  \"{d:02}\": Class {d} condition");
    }
    yaml.push_str("codes:\n");
    for i in 0..n {
        let _ = write!(
            yaml,
            "  - code: \"{:02}{i:03}\"\n    name: Condition{i}\n    status: {}\n    title: Condition {i}\n    description: Condition {i} happened. More words follow.\n    domain: \"{:02}\"\n",
            i % domains,
            if i % 7 == 0 { 500 } else { 400 },
            i % domains
        );
    }
    yaml
}

#[test]
fn a_large_catalog_gets_group_headings_with_ids_and_the_same_bytes() {
    let yaml = large(300, 12);
    let catalog = errcodes_codegen::parse("large.yaml", &yaml).unwrap();
    let first = page(&catalog, "large.yaml").unwrap();
    assert_eq!(page(&catalog, "large.yaml").unwrap(), first);
    assert!(
        first.contains("### Class 8 condition (`08`)\n"),
        "group ids are shown"
    );
    assert_eq!(
        first.matches("### Class 8 condition (`08`)").count(),
        2,
        "table and reference"
    );
    // An anchor per code, and per group for the index at the top.
    assert_eq!(first.matches("<a id=").count(), 300 + 12);
    assert!(first.contains("\n- [Class 8 condition (`08`)](#domain-08): 25 codes\n"));
}

#[test]
fn a_deprecation_says_its_reason_once_and_links_the_replacement() {
    let path = "tests/fixtures/retired.yaml";
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let page = page(&errcodes_codegen::parse(path, &text).unwrap(), path).unwrap();
    let line = |code: &str| {
        section(&page, code)
            .lines()
            .find(|line| line.starts_with("**Deprecated.**"))
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        line("SOLD_OUT"),
        "**Deprecated.** Same meaning as OUT\\_OF\\_STOCK, which clients already handle. \
         Use [`OUT_OF_STOCK`](#OUT_OF_STOCK) instead."
    );
    assert_eq!(
        line("LEGACY_CART"),
        "**Deprecated.** Carts of the first API version are gone."
    );
    // Replaced, with no reason of its own: the link alone.
    assert_eq!(
        line("NO_STOCK"),
        "**Deprecated.** Use [`OUT_OF_STOCK`](#OUT_OF_STOCK) instead."
    );
}

#[test]
fn a_catalog_of_several_groups_has_an_index_of_them() {
    let page = shipped("privacy");
    let codes = page.find("## Codes\n\n").unwrap();
    let index: Vec<&str> = page[codes..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with("- ["))
        .collect();
    assert_eq!(
        index.first().copied(),
        Some("- [Request validation](#domain-request-validation): 1 code")
    );
    let mut counted = 0;
    for line in &index {
        let anchor = &line[line.find("](#").unwrap() + 3..line.find("): ").unwrap()];
        assert_eq!(
            page.matches(&format!("<a id=\"{anchor}\"></a>")).count(),
            1,
            "{anchor}"
        );
        counted += line[line.find("): ").unwrap() + 3..]
            .split(' ')
            .next()
            .unwrap()
            .parse::<usize>()
            .unwrap();
    }
    assert_eq!(index.len(), 7);
    assert_eq!(counted, 15, "every code is in one group");
    // No groups: no index.
    let pass = shipped("pass");
    assert!(!pass.contains("(#domain-") && !pass.contains("(#other-codes)"));
}

#[test]
fn a_long_code_breaks_between_its_words_and_an_action_never_does() {
    let yaml = "name: StoreError\ncodes:\n  - {code: InvalidBucketLifecycleConfigurationReplicationEncryptionPolicy, status: 400, title: Invalid}\n  - {code: slow_down, status: 503, title: Slow down}\n";
    let catalog = errcodes_codegen::parse("store.yaml", yaml).unwrap();
    let page = page(&catalog, "store.yaml").unwrap();
    assert!(
        page.contains("| [<code>Invalid<wbr>Bucket<wbr>Lifecycle<wbr>Configuration<wbr>Replication<wbr>Encryption<wbr>Policy</code>](#InvalidBucketLifecycleConfigurationReplicationEncryptionPolicy) |"),
        "{page}"
    );
    // A short code stays whole; the action reads as one word.
    assert!(
        page.contains("| [<code>slow&#95;down</code>](#slow_down) | 503 Service Unavailable | Slow down | <code>retry\u{2011}after</code> |"),
        "{page}"
    );
    // The section spells the action as written, to copy.
    assert!(
        section(&page, "slow_down").contains("`retry-after`"),
        "{page}"
    );
}
