//! Round trips through each decoder, for property tests and fuzzing: a
//! decoder must take any input without panicking, and what it decodes must
//! encode back to something that decodes to the same value.

use errcodes_runtime::wire::{acp, edge, gateway, pass, problem::Problem};

use crate::{acp::AcpError, edge::EdgeError, pass::PassError, platform::PlatformError};

/// Problem details.
///
/// # Panics
///
/// When a decoded problem does not survive encoding.
pub fn problem(body: &[u8]) {
    if let Ok(problem) = Problem::<EdgeError>::decode(body) {
        assert_eq!(
            Problem::<EdgeError>::decode(&problem.encode()).ok(),
            Some(problem.clone())
        );
        let _ = (problem.code(), problem.action());
    }
}

/// Edge Network responses, fatal and completed.
///
/// # Panics
///
/// When a decoded response does not survive encoding.
pub fn edge(body: &[u8]) {
    for status in [200, 207, 503] {
        if let Ok(response) = edge::Response::<EdgeError>::decode(status, body) {
            let encoded = match &response {
                edge::Response::Fatal(problem) => problem.encode(),
                edge::Response::Completed(body) => body.encode(),
            };
            assert_eq!(
                edge::Response::decode(status, &encoded).ok(),
                Some(response)
            );
        }
    }
}

/// ACP envelopes.
///
/// # Panics
///
/// When a decoded envelope does not survive encoding.
pub fn acp(body: &[u8]) {
    if let Ok(envelope) = acp::Envelope::<AcpError>::decode(body) {
        assert_eq!(
            acp::Envelope::<AcpError>::decode(&envelope.encode()).ok(),
            Some(envelope.clone())
        );
        if let Some(error) = envelope.error() {
            let _ = (error.code(), error.action(), error.retry_after());
        }
    }
}

/// Adobe Pass bodies in JSON.
///
/// # Panics
///
/// When a decoded body does not survive encoding.
pub fn pass_json(body: &[u8]) {
    if let Ok(decoded) = pass::Body::<PassError>::decode(body) {
        assert_eq!(
            pass::Body::<PassError>::decode(&decoded.encode()).ok(),
            Some(decoded.clone())
        );
        let _ = decoded.items_to_retry().count();
    }
}

/// Adobe Pass error objects in XML.
///
/// # Panics
///
/// When a decoded object does not survive encoding.
pub fn pass_xml(body: &[u8]) {
    if let Ok(object) = pass::ErrorObject::<PassError>::decode_xml(body) {
        assert_eq!(
            pass::ErrorObject::<PassError>::decode_xml(&object.encode_xml()).ok(),
            Some(object.clone())
        );
        let _ = (object.code(), object.action());
    }
}

/// Experience Platform gateway bodies.
///
/// # Panics
///
/// When a decoded body does not survive encoding.
pub fn gateway(body: &[u8]) {
    if let Ok(decoded) = gateway::Body::<PlatformError>::decode(body) {
        assert_eq!(
            gateway::Body::<PlatformError>::decode(&decoded.encode()).ok(),
            Some(decoded.clone())
        );
        let _ = (decoded.code(), decoded.status(), decoded.action());
    }
}

/// Every decoder.
///
/// # Panics
///
/// As each of them.
pub fn all(body: &[u8]) {
    problem(body);
    edge(body);
    acp(body);
    pass_json(body);
    pass_xml(body);
    gateway(body);
}
