//! The words a catalog uses for how its codes travel: the wire formats
//! errcodes knows, and where a problem detail carries the code. Each
//! format's facts (media type, body, decoder) belong to its module in
//! `errcodes_runtime::wire`; this is only the list of their names, which
//! the macro checks catalogs against.

vocabulary! {
    /// How an error with the code is sent over HTTP: the payload shapes of
    /// the APIs errcodes knows. A catalog names its usual one; a code may
    /// name another.
    ///
    /// ```
    /// use errcodes_core::WireFormat;
    ///
    /// assert_eq!("pass-xml".parse::<WireFormat>(), Ok(WireFormat::PassXml));
    /// assert_eq!(WireFormat::PassXml.as_str(), "pass-xml");
    /// ```
    pub enum WireFormat as "wire format" {
        /// A problem detail, RFC 9457 (`application/problem+json`).
        Problem = "problem",
        /// Edge Network: a problem detail for a fatal error, a 207
        /// Multi-Status body listing it for a non-fatal one.
        Edge = "edge",
        /// Ad Context Protocol: `{"success": false, "error": {...}}`.
        Acp = "acp",
        /// Adobe Pass: `{"error": {...}}`, in JSON.
        Pass = "pass",
        /// Adobe Pass: `<error>...</error>`, in XML.
        PassXml = "pass-xml",
        /// Experience Platform's gateway: `{"error_code": ..., "message": ...}`.
        Gateway = "gateway",
        /// Google's JSON error model (AIP-193): `{"error": {"code": ...,
        /// "status": ..., "details": [...]}}`, the code in `ErrorInfo`.
        Google = "google",
    }
}

vocabulary! {
    /// Where a problem detail (RFC 9457) carries its code: what a catalog's
    /// `problem-code` key says.
    ///
    /// ```
    /// use errcodes_core::ProblemCode;
    ///
    /// assert_eq!("title".parse::<ProblemCode>(), Ok(ProblemCode::Title));
    /// ```
    pub enum ProblemCode as "problem code place" {
        /// In the `type` URI, built from the catalog's `problem-type`
        /// template (Edge Network).
        Type = "type",
        /// As the `title` (the Experience Platform's content-type problem).
        Title = "title",
        /// In an extension member named `code`.
        Member = "member",
    }
}
