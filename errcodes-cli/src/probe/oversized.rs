//! The oversized body, sent over a connection of its own. A service
//! refuses a body over its limit by answering before it has read it all,
//! and closes the connection; an HTTP client that writes the whole body
//! before it reads stops at the failed write and never sees the answer.
//! This one reads while it writes, as curl does.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use super::{Answer, Probe};

/// Sends `probe` and reads its answer, waiting at most `timeout` in all,
/// as the other probes do.
pub(super) fn send(probe: &Probe, timeout: Duration) -> Answer {
    match exchange(probe, timeout) {
        Ok(Some(answer)) => answer,
        Ok(None) => Answer::unjudged(
            None,
            Some("the service closed the connection without an answer".to_owned()),
        ),
        Err(error) => Answer::none(error),
    }
}

/// The answer to `probe`; `None` when the connection closed before any.
fn exchange(probe: &Probe, timeout: Duration) -> Result<Option<Answer>, String> {
    let uri: ureq::http::Uri = probe.url.parse().map_err(|error| format!("{error}"))?;
    let authority = uri.authority().ok_or("the URL has no host")?;
    // An IPv6 host is written in brackets, which an address has not.
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']');
    let address = (host, authority.port_u16().unwrap_or(80))
        .to_socket_addrs()
        .map_err(|error| error.to_string())?
        .next()
        .ok_or("the host has no address")?;
    let deadline = Instant::now() + timeout;
    let stream = TcpStream::connect_timeout(&address, timeout).map_err(|e| e.to_string())?;
    stream
        .set_write_timeout(Some(timeout))
        .map_err(|error| error.to_string())?;
    let mut head = format!(
        "{} {} HTTP/1.1\r\nhost: {authority}\r\ncontent-length: {}\r\nconnection: close\r\n",
        probe.method,
        uri.path_and_query().map_or("/", |path| path.as_str()),
        probe.body.len()
    );
    if let Some(content_type) = probe.content_type {
        head = head + "content-type: " + content_type + "\r\n";
    }
    head.push_str("\r\n");
    let writer = stream.try_clone().map_err(|error| error.to_string())?;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            // A failed write is the service refusing the rest: its answer
            // is read all the same.
            let mut writer = writer;
            let _ = writer
                .write_all(head.as_bytes())
                .and_then(|()| writer.write_all(&probe.body));
        });
        let answer = read_answer(&stream, deadline);
        // Stops the writer when the answer came before the body was sent.
        let _ = stream.shutdown(Shutdown::Both);
        answer
    })
}

/// Reads an HTTP/1.1 response until its body is whole, the connection
/// closes, a read fails or `deadline` passes; `None` when it closed before
/// any.
fn read_answer(mut stream: &TcpStream, deadline: Instant) -> Result<Option<Answer>, String> {
    let mut received = Vec::new();
    let mut buffer = [0; 16 << 10];
    loop {
        let left = deadline
            .checked_duration_since(Instant::now())
            .filter(|left| !left.is_zero())
            .ok_or(TIMED_OUT)?;
        stream
            .set_read_timeout(Some(left))
            .map_err(|error| error.to_string())?;
        // A reset after the answer came, or part of it, ends it.
        let read = match stream.read(&mut buffer) {
            Ok(0) if received.is_empty() => return Ok(None),
            Ok(read) => read,
            Err(_) if !received.is_empty() => 0,
            Err(error) if error.kind() == ErrorKind::ConnectionReset => return Ok(None),
            // A timed-out read says so in the words of its platform.
            Err(error) if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(TIMED_OUT.to_owned());
            }
            Err(error) => return Err(error.to_string()),
        };
        received.extend_from_slice(&buffer[..read]);
        if let Some(answer) = parse(&received, read == 0)? {
            return Ok(Some(answer));
        }
        if received.len() > ENOUGH {
            return Err("the answer is larger than the probe reads".to_owned());
        }
    }
}

const TIMED_OUT: &str = "timed out";

/// How much of an answer is read before giving up on its end: more than
/// the probe keeps of it.
const ENOUGH: usize = 128 << 10;

/// The answer in `received` once it is whole, or once the connection has
/// `closed`.
fn parse(received: &[u8], closed: bool) -> Result<Option<Answer>, String> {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut response = httparse::Response::new(&mut headers);
    let head = match response.parse(received) {
        Ok(httparse::Status::Complete(head)) => head,
        Ok(httparse::Status::Partial) if closed => {
            return Err("the answer was cut off in its head".to_owned());
        }
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(error) => return Err(format!("the answer is not HTTP: {error}")),
    };
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|header| header.name.eq_ignore_ascii_case(name))
            .and_then(|header| std::str::from_utf8(header.value).ok())
            .map(str::trim)
    };
    let rest = &received[head..];
    let body = if header("transfer-encoding").is_some_and(|te| te.contains("chunked")) {
        match unchunk(rest) {
            Some(body) => body,
            None if closed => rest.to_vec(),
            None => return Ok(None),
        }
    } else {
        match header("content-length").and_then(|length| length.parse::<usize>().ok()) {
            Some(length) if rest.len() >= length => rest[..length].to_vec(),
            // Without a length, the body ends with the connection.
            _ if !closed => return Ok(None),
            _ => rest.to_vec(),
        }
    };
    Ok(Some(Answer {
        status: response.code,
        content_type: header("content-type").map(str::to_owned),
        body: String::from_utf8_lossy(&body).into_owned(),
        finding: None,
        skipped: None,
    }))
}

/// The body of a chunked message, once its last chunk has come.
fn unchunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line = rest.windows(2).position(|pair| pair == b"\r\n")?;
        let size = std::str::from_utf8(&rest[..line]).ok()?;
        let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[line + 2..];
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, unchunk};

    #[test]
    fn an_answer_is_whole_by_its_length_or_its_last_chunk() {
        let head = b"HTTP/1.1 413 Payload Too Large\r\ncontent-type: application/problem+json\r\ncontent-length: 4\r\n\r\n";
        let mut answer = head.to_vec();
        answer.extend_from_slice(b"{}");
        assert!(parse(&answer, false).unwrap().is_none());
        answer.extend_from_slice(b"  ");
        let whole = parse(&answer, false).unwrap().unwrap();
        assert_eq!(whole.status, Some(413));
        assert_eq!(
            whole.content_type.as_deref(),
            Some("application/problem+json")
        );
        assert_eq!(whole.body, "{}  ");
        assert_eq!(
            unchunk(b"2\r\n{}\r\n3;x=y\r\nabc\r\n0\r\n\r\n").as_deref(),
            Some(&b"{}abc"[..])
        );
        assert_eq!(unchunk(b"2\r\n{}\r\n"), None);
        assert!(parse(b"HTTP/1.1 413 Too", true).is_err());
    }
}
