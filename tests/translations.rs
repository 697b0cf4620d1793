//! The shipped translations of the Ad Context Protocol's catalog, German
//! and Polish, as a program reads them: every text of every code, plural
//! forms by CLDR's rules, the catalog's own text where a language is not
//! there, the language a request's `Accept-Language` chooses, and a real
//! axum server answering in it.

#![forbid(unsafe_code)]

use std::future::IntoFuture;
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use errcodes_codegen::{Files, Lints};
use errcodes_runtime::axum::{Boundary, Reply};
use errcodes_runtime::reqwest::read;
use errcodes_runtime::wire::ErrorResponse;
use errcodes_runtime::{ErrorCode, Fields};
use errcodes_runtime::{Failure, Occurrence, Received, WireFormat};
use errcodes_tests::acp::AcpError;
use errcodes_tests::acp::acp_error::{DataQualityIssue, RateLimitExceeded, Timeout};
use errcodes_tests::examples::{ForEachType, with_type};

const COUNTS: [i64; 6] = [0, 1, 2, 5, 22, 101];

fn limited(limit: i64) -> RateLimitExceeded {
    RateLimitExceeded {
        limit,
        window: "1 h".to_owned(),
        reset_time: "2025-01-20T15:31:00Z".parse().unwrap(),
    }
}

#[test]
fn plural_forms_follow_each_language() {
    let forms = |locale: &str| -> Vec<String> {
        COUNTS
            .iter()
            .map(|&n| limited(n).message_in(locale).into_owned())
            .collect()
    };
    assert_eq!(
        forms("pl"),
        [
            "Zbyt wiele żądań. Limit: 0 żądań na 1 h",
            "Zbyt wiele żądań. Limit: 1 żądanie na 1 h",
            "Zbyt wiele żądań. Limit: 2 żądania na 1 h",
            "Zbyt wiele żądań. Limit: 5 żądań na 1 h",
            "Zbyt wiele żądań. Limit: 22 żądania na 1 h",
            "Zbyt wiele żądań. Limit: 101 żądań na 1 h",
        ]
    );
    // The catalog's own English chooses too.
    assert_eq!(
        forms("en"),
        [
            "Too many requests. Rate limit: 0 requests per 1 h",
            "Too many requests. Rate limit: 1 request per 1 h",
            "Too many requests. Rate limit: 2 requests per 1 h",
            "Too many requests. Rate limit: 5 requests per 1 h",
            "Too many requests. Rate limit: 22 requests per 1 h",
            "Too many requests. Rate limit: 101 requests per 1 h",
        ]
    );
    assert_eq!(
        limited(1).message(),
        "Too many requests. Rate limit: 1 request per 1 h"
    );
    assert_eq!(
        forms("de"),
        [
            "Zu viele Anfragen. Limit: 0 Anfragen pro 1 h",
            "Zu viele Anfragen. Limit: 1 Anfrage pro 1 h",
            "Zu viele Anfragen. Limit: 2 Anfragen pro 1 h",
            "Zu viele Anfragen. Limit: 5 Anfragen pro 1 h",
            "Zu viele Anfragen. Limit: 22 Anfragen pro 1 h",
            "Zu viele Anfragen. Limit: 101 Anfragen pro 1 h",
        ]
    );
    let days = |locale: &str| -> Vec<String> {
        COUNTS
            .iter()
            .map(|&max_age_days| {
                let issue = DataQualityIssue {
                    segment_id: "seg_1".to_owned(),
                    last_updated: "2025-01-01T00:00:00Z".parse().unwrap(),
                    max_age_days,
                };
                let message = issue.message_in(locale).into_owned();
                message[message.rfind(' ').unwrap()..].to_owned()
            })
            .collect()
    };
    assert_eq!(
        days("pl"),
        [" dni", " dzień", " dni", " dni", " dni", " dni"]
    );
    assert_eq!(
        days("de"),
        [" Tage", " Tag", " Tage", " Tage", " Tage", " Tage"]
    );
    assert_eq!(
        days("en"),
        [" days", " day", " days", " days", " days", " days"]
    );
}

#[test]
fn a_field_fills_its_place_in_every_form() {
    let timeout = Timeout {
        timeout_seconds: 22,
        suggestion: None,
    };
    assert_eq!(
        timeout.message_in("pl"),
        "Żądanie przekroczyło limit czasu 22 sekund"
    );
    assert_eq!(
        timeout.message_in("de"),
        "Die Anfrage hat das Zeitlimit von 22 Sekunden überschritten"
    );
    // The catalog's own language, and one it lacks, give the template.
    assert_eq!(timeout.message_in("en"), timeout.message());
    assert_eq!(
        timeout.message_in("fr"),
        "Request exceeded 22 second timeout"
    );
}

#[test]
fn every_code_has_every_text_in_both_languages() {
    for code in AcpError::ALL {
        for locale in ["de", "pl", "PL"] {
            assert_ne!(code.title_in(locale), code.title(), "{code} {locale}");
            assert_ne!(
                code.description_in(locale),
                code.description(),
                "{code} {locale}"
            );
            assert_ne!(
                code.resolution_in(locale),
                code.resolution(),
                "{code} {locale}"
            );
        }
        assert_eq!(code.title_in("en"), code.title());
        assert_eq!(code.title_in("fr"), code.title());
    }
    // The checker agrees: no text is left out.
    let files = Files::read(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../specs/acp.yaml")),
        "specs/acp.yaml",
    )
    .unwrap();
    assert_eq!(files.translations.as_ref().map(Vec::len), Some(2));
    let report = files.check(&Lints::default());
    let missing: Vec<&str> = report
        .diagnostics()
        .iter()
        .filter(|d| d.lint() == Some("missing-translation"))
        .map(errcodes_codegen::Diagnostic::message)
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

/// A client shows a received error in its user's language, whatever the
/// language the service answered in: from the code, and from its fields.
#[test]
fn a_client_renders_what_it_received_in_a_language_of_its_choosing() {
    use errcodes_runtime::wire::{Headers, render};

    let (code, occurrence) = Failure::from(limited(2)).into_public();
    let sent = render(code, &occurrence, WireFormat::Acp);
    let received =
        ErrorResponse::<AcpError>::decode(sent.status, Headers::default(), &sent.body).unwrap();
    assert_eq!(
        received.message(),
        Some("Too many requests. Rate limit: 2 requests per 1 h")
    );
    let fields: RateLimitExceeded = received.fields().unwrap();
    assert_eq!(
        fields.message_in("pl"),
        "Zbyt wiele żądań. Limit: 2 żądania na 1 h"
    );
    // Without fields, a code's message when it places none, else its title.
    for code in AcpError::ALL {
        for locale in ["de", "pl"] {
            let shown = code.default_message_in(locale);
            assert_ne!(shown, code.default_message(), "{code} {locale}");
            if code.default_message() == code.title() {
                assert_eq!(shown, code.title_in(locale), "{code} {locale}");
            }
        }
        assert_eq!(code.default_message_in("fr"), code.default_message());
    }
}

#[test]
fn a_request_chooses_its_language() {
    let catalog = AcpError::CATALOG;
    assert_eq!(catalog.locales().collect::<Vec<_>>(), ["en", "de", "pl"]);
    for (header, chosen) in [
        (Some("pl"), "pl"),
        (Some("de-AT"), "de"),
        (Some("fr-CA, fr;q=0.9, pl;q=0.8, de;q=0.7"), "pl"),
        (Some("de;q=0.2, pl;q=0.3"), "pl"),
        (Some("*"), "en"),
        (Some("pl;q=0, *;q=0.1"), "en"),
        (Some("en-GB, de"), "en"),
        (Some("x;;q=1,,"), "en"),
        (Some("ja"), "en"),
        (None, "en"),
    ] {
        assert_eq!(catalog.language(header), chosen, "{header:?}");
    }
}

/// A handler's failure with typed fields, and a route that does not exist:
/// the handler's answer and the boundary's, in the request's language.
#[tokio::test]
async fn a_server_answers_in_the_language_the_request_chooses() {
    let app = Router::new()
        .route(
            "/limited",
            get(|| async { Err::<(), _>(Failure::<AcpError>::from(limited(22))) }),
        )
        .route(
            "/problem",
            get(|| async {
                let occurrence = Occurrence::new().fields(limited(5));
                Reply::with(AcpError::RateLimitExceeded, occurrence).format(WireFormat::Problem)
            }),
        )
        .route("/bare", get(|| async { AcpError::RateLimitExceeded }))
        .layer(Boundary::<AcpError>::new().layer());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(axum::serve(listener, app).into_future());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let ask = |path: &'static str, languages: Option<&'static str>| {
        let mut request = client.get(format!("{base}{path}"));
        if let Some(languages) = languages {
            request = request.header("accept-language", languages);
        }
        request.send()
    };
    for (languages, chosen, message) in [
        (
            None,
            "en",
            "Too many requests. Rate limit: 22 requests per 1 h",
        ),
        (
            Some("pl"),
            "pl",
            "Zbyt wiele żądań. Limit: 22 żądania na 1 h",
        ),
        (
            Some("de-CH, en;q=0.5"),
            "de",
            "Zu viele Anfragen. Limit: 22 Anfragen pro 1 h",
        ),
        (
            Some("fr, pl;q=0.3, de;q=0.2"),
            "pl",
            "Zbyt wiele żądań. Limit: 22 żądania na 1 h",
        ),
        (
            Some("*"),
            "en",
            "Too many requests. Rate limit: 22 requests per 1 h",
        ),
        (
            Some("ja"),
            "en",
            "Too many requests. Rate limit: 22 requests per 1 h",
        ),
        (
            Some("pl;q=nope, ;;"),
            "en",
            "Too many requests. Rate limit: 22 requests per 1 h",
        ),
    ] {
        let response = ask("/limited", languages).await.unwrap();
        let headers = response.headers().clone();
        assert_eq!(headers["content-language"], chosen, "{languages:?}");
        assert_eq!(headers["vary"], "accept-language", "{languages:?}");
        let received = read::<AcpError>(response).await.unwrap();
        // Whatever the language, a program reads the same code and fields.
        assert_eq!(
            received.code().and_then(|code| code.known()),
            Some(AcpError::RateLimitExceeded)
        );
        assert_eq!(received.fields::<RateLimitExceeded>().unwrap(), limited(22));
        assert_eq!(received.message(), Some(message), "{languages:?}");
    }
    // A problem detail says the translated message.
    let response = ask("/problem", Some("pl")).await.unwrap();
    assert_eq!(response.headers()["content-language"], "pl");
    let body: serde_json::Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    // Its title, with `about:blank`, is the status's (RFC 9457); the
    // message is the detail.
    assert_eq!(body["detail"], "Zbyt wiele żądań. Limit: 5 żądań na 1 h");
    assert_eq!(body["title"], "Too Many Requests");
    assert_eq!(body["limit"], 5);
    // A bare code, whose message needs the fields it lacks, says its
    // title, translated.
    let response = ask("/bare", Some("de")).await.unwrap();
    assert_eq!(response.headers()["content-language"], "de");
    let received = read::<AcpError>(response).await.unwrap();
    assert_eq!(received.message(), Some("Ratenlimit überschritten"));
    // The boundary's own answer, to a route that does not exist.
    let response = ask("/nowhere", Some("pl")).await.unwrap();
    assert_eq!(response.headers()["content-language"], "pl");
    let received = read::<AcpError>(response).await.unwrap();
    let code = received.code().and_then(|code| code.known());
    assert_eq!(code, Some(AcpError::SegmentNotFound));
    assert_eq!(
        received.message(),
        Some("Nie znaleziono identyfikatora segmentu albo utracił ważność")
    );
    server.abort();
}

/// The typed fields a received ACP error carries, as the failure a
/// handler raises.
fn raised(received: &ErrorResponse<AcpError>) -> Failure<AcpError> {
    struct Raise<'a>(&'a ErrorResponse<AcpError>);

    impl ForEachType for Raise<'_> {
        type Output = Failure<AcpError>;

        fn run<T: Fields<Code = AcpError>>(self) -> Failure<AcpError> {
            Failure::from(self.0.fields::<T>().unwrap())
        }
    }

    let code = received.code().and_then(|code| code.known()).unwrap();
    with_type(code, Raise(received))
}

/// The example response of `code`'s section on `page`: its status line
/// and headers, and its body.
fn example<'p>(page: &'p str, code: &str) -> (&'p str, &'p str) {
    let section = &page[page.find(&format!("<a id=\"{code}\"></a>")).unwrap()..];
    let start = section.find("```http\n").unwrap() + 8;
    let block = &section[start..start + section[start..].find("\n```").unwrap()];
    block.split_once("\n\n").unwrap()
}

/// The reference pages of the catalog in each of its languages show, for
/// every code, the response a real server sends when a request asks for
/// that language: the status, the headers and the body, byte for byte
/// once laid out alike.
#[tokio::test]
async fn each_language_s_page_shows_what_the_server_answers_in_it() {
    use errcodes_runtime::wire::Headers;

    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("translated-pages");
    let _ = std::fs::remove_dir_all(&out);
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/../specs/acp.yaml");
    let (mut said, mut err) = (Vec::new(), Vec::new());
    let mut io = errcodes_cli::Io {
        out: &mut said,
        err: &mut err,
        input: &mut std::io::empty(),
    };
    let ran = errcodes_cli::run(
        ["errcodes", "docs", spec, "--out", out.to_str().unwrap()],
        &mut io,
    );
    assert_eq!(
        ran,
        std::process::ExitCode::SUCCESS,
        "{}",
        String::from_utf8_lossy(&err)
    );

    // Each code raised with the fields its example shows.
    let en = std::fs::read_to_string(out.join("acp.md")).unwrap();
    let bodies: Vec<Vec<u8>> = AcpError::ALL
        .iter()
        .map(|code| example(&en, code.code()).1.as_bytes().to_vec())
        .collect();
    let bodies = std::sync::Arc::new(bodies);
    let app = Router::new()
        .route(
            "/{index}",
            get(
                |axum::extract::Path(index): axum::extract::Path<usize>| async move {
                    let code = AcpError::ALL[index];
                    let received = ErrorResponse::<AcpError>::decode(
                        code.http_status(),
                        Headers::default(),
                        &bodies[index],
                    )
                    .unwrap();
                    raised(&received)
                },
            ),
        )
        .layer(Boundary::<AcpError>::new().layer());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(axum::serve(listener, app).into_future());
    let client = reqwest::Client::new();
    let mut own = Vec::new();
    for (tag, page) in [("en", "acp.md"), ("de", "acp.de.md"), ("pl", "acp.pl.md")] {
        let page = std::fs::read_to_string(out.join(page)).unwrap();
        for (index, code) in AcpError::ALL.iter().enumerate() {
            let (head, body) = example(&page, code.code());
            assert!(
                head.contains(&format!("\nContent-Language: {tag}\n")),
                "{head}"
            );
            let response = client
                .get(format!("{base}/{index}"))
                .header("accept-language", tag)
                .send()
                .await
                .unwrap();
            let mut lines = head.lines();
            let status = lines.next().unwrap();
            assert!(status.starts_with(&format!("HTTP/1.1 {} ", response.status().as_u16())));
            for line in lines {
                let (name, value) = line.split_once(": ").unwrap();
                assert_eq!(response.headers()[name], value, "{code} in {tag}: {name}");
            }
            let sent: serde_json::Value =
                serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
            let shown: serde_json::Value = serde_json::from_str(body).unwrap();
            assert_eq!(sent, shown, "{code} in {tag}");
            // Over gRPC, a LocalizedMessage says the same in the language.
            let section = &page[page
                .find(&format!("<a id=\"{}\"></a>", code.code()))
                .unwrap()..];
            let start = section.find("```json\n").unwrap() + 8;
            let status = &section[start..start + section[start..].find("\n```").unwrap()];
            let status: serde_json::Value = serde_json::from_str(status).unwrap();
            let details = status["details"].as_array().unwrap();
            let localized = details.last().unwrap();
            assert_eq!(
                localized["@type"],
                "type.googleapis.com/google.rpc.LocalizedMessage"
            );
            assert_eq!(localized["locale"], tag);
            assert_eq!(
                localized["message"], sent["error"]["message"],
                "{code} in {tag}"
            );
            // …while the status's own message stays in the catalog's.
            if tag == "en" {
                own.push(sent["error"]["message"].clone());
            }
            assert_eq!(status["message"], own[index], "{code} in {tag}");
        }
    }
    server.abort();
}
