//! The spec-independent support code every generated crate carries once: the error type,
//! the response wrapper, and the request plumbing the operation files call.
//!
//! Keeping this out of the operation files is what keeps each operation file short: an
//! operation only builds its URL, query, headers and body, and hands over.

use proc_macro2::TokenStream;
use quote::quote;

/// `src/error.rs`.
pub fn error_file() -> TokenStream {
    quote! {
        use reqwest::StatusCode;
        use reqwest::header::HeaderMap;

        /// Everything an operation can fail with.
        ///
        /// `E` is the error body the spec documents for the operation (see each operation's
        /// `send`); it is [`Undocumented`] where the spec documents none.
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum Error<E = Undocumented> {
            /// The request could not be built: a parameter value that cannot be sent (an
            /// empty, `.` or `..` path segment, a header value with line breaks), or missing
            /// credentials. Nothing was sent.
            InvalidRequest(String),
            /// No complete response arrived within the client's timeout.
            Timeout(reqwest::Error),
            /// Connecting, sending or receiving failed (refused connection, reset, TLS, ...).
            Transport(reqwest::Error),
            /// The server answered with a status outside 2XX.
            Status(Box<ErrorResponse<E>>),
            /// A success response whose body is not the documented JSON.
            Decode(Box<DecodeError>),
            /// A success response whose `content-type` is not the documented one.
            UnexpectedContentType(Box<RawResponse>),
            /// A response body larger than the client's limit
            /// ([`ClientBuilder::max_body_size`](crate::ClientBuilder::max_body_size)); it was
            /// not read to the end.
            BodyTooLarge {
                /// The response status.
                status: StatusCode,
                /// The response headers.
                headers: Box<HeaderMap>,
                /// The limit, in bytes.
                limit: usize,
            },
        }

        impl<E> Error<E> {
            /// The response status, when a response arrived.
            pub fn status(&self) -> Option<StatusCode> {
                match self {
                    Error::Status(response) => Some(response.status()),
                    Error::Decode(error) => Some(error.response().status()),
                    Error::UnexpectedContentType(response) => Some(response.status()),
                    Error::BodyTooLarge { status, .. } => Some(*status),
                    Error::InvalidRequest(_) | Error::Timeout(_) | Error::Transport(_) => None,
                }
            }

            /// The response headers, when a response arrived.
            pub fn headers(&self) -> Option<&HeaderMap> {
                match self {
                    Error::Status(response) => Some(response.headers()),
                    Error::Decode(error) => Some(error.response().headers()),
                    Error::UnexpectedContentType(response) => Some(response.headers()),
                    Error::BodyTooLarge { headers, .. } => Some(headers),
                    Error::InvalidRequest(_) | Error::Timeout(_) | Error::Transport(_) => None,
                }
            }

            /// The raw response body, when a whole response arrived.
            pub fn body(&self) -> Option<&[u8]> {
                match self {
                    Error::Status(response) => Some(response.body()),
                    Error::Decode(error) => Some(error.response().body()),
                    Error::UnexpectedContentType(response) => Some(response.body()),
                    _ => None,
                }
            }

            pub(crate) fn from_reqwest(mut error: reqwest::Error) -> Self {
                // The query may carry an API key (an `apiKey` scheme `in: query`): errors are
                // logged, so it is dropped from the URL they show.
                if let Some(url) = error.url_mut() {
                    url.set_query(None);
                }
                if error.is_timeout() {
                    Error::Timeout(error)
                } else if error.is_builder() {
                    Error::InvalidRequest(error.to_string())
                } else {
                    Error::Transport(error)
                }
            }
        }

        impl<E> std::fmt::Display for Error<E> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    Error::InvalidRequest(message) => write!(f, "invalid request: {message}"),
                    Error::Timeout(error) => write!(f, "request timed out: {error}"),
                    Error::Transport(error) => write!(f, "request failed: {error}"),
                    Error::Status(response) => write!(
                        f,
                        "server answered {}: {}",
                        response.status(),
                        preview(response.body())
                    ),
                    Error::Decode(error) => write!(f, "{error}"),
                    Error::UnexpectedContentType(response) => write!(
                        f,
                        "server answered {} with unexpected content type {:?}",
                        response.status(),
                        response
                            .headers()
                            .get(reqwest::header::CONTENT_TYPE)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                    ),
                    Error::BodyTooLarge { status, limit, .. } => write!(
                        f,
                        "server answered {status} with a body larger than the {limit}-byte limit"
                    ),
                }
            }
        }

        impl<E: std::fmt::Debug> std::error::Error for Error<E> {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                match self {
                    Error::Timeout(error) | Error::Transport(error) => Some(error),
                    Error::Decode(error) => Some(error.as_ref()),
                    _ => None,
                }
            }
        }

        /// At most this many characters of a body go into an error message.
        const PREVIEW_CHARS: usize = 200;

        fn preview(body: &[u8]) -> String {
            let text = String::from_utf8_lossy(body);
            let mut preview: String = text.chars().take(PREVIEW_CHARS).collect();
            if text.chars().nth(PREVIEW_CHARS).is_some() {
                preview.push_str("...");
            }
            if preview.is_empty() {
                preview.push_str("(empty body)");
            }
            preview
        }

        /// A response as it arrived: status, headers and the raw body.
        #[derive(Clone, PartialEq)]
        pub struct RawResponse {
            status: StatusCode,
            headers: HeaderMap,
            body: Vec<u8>,
        }

        impl RawResponse {
            pub(crate) fn new(status: StatusCode, headers: HeaderMap, body: Vec<u8>) -> Self {
                Self { status, headers, body }
            }

            pub(crate) fn into_parts(self) -> (StatusCode, HeaderMap, Vec<u8>) {
                (self.status, self.headers, self.body)
            }

            /// The status.
            pub fn status(&self) -> StatusCode {
                self.status
            }

            /// The headers.
            pub fn headers(&self) -> &HeaderMap {
                &self.headers
            }

            /// The body, as received.
            pub fn body(&self) -> &[u8] {
                &self.body
            }

            /// The body as text, with invalid UTF-8 replaced.
            pub fn text(&self) -> std::borrow::Cow<'_, str> {
                String::from_utf8_lossy(&self.body)
            }
        }

        /// At most this many characters of a body are shown by `Debug`.
        const DEBUG_CHARS: usize = 4096;

        impl std::fmt::Debug for RawResponse {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let text = self.text();
                let mut body: String = text.chars().take(DEBUG_CHARS).collect();
                if body.len() < text.len() {
                    body.push_str(&format!("... ({} bytes in all)", self.body.len()));
                }
                f.debug_struct("RawResponse")
                    .field("status", &self.status)
                    .field("headers", &self.headers)
                    .field("body", &body)
                    .finish()
            }
        }

        /// A response with a status outside 2XX.
        #[derive(Debug, Clone)]
        pub struct ErrorResponse<E> {
            raw: RawResponse,
            error: Option<E>,
        }

        impl<E> ErrorResponse<E> {
            pub(crate) fn new(raw: RawResponse, error: Option<E>) -> Self {
                Self { raw, error }
            }

            /// The status.
            pub fn status(&self) -> StatusCode {
                self.raw.status()
            }

            /// The headers.
            pub fn headers(&self) -> &HeaderMap {
                self.raw.headers()
            }

            /// The body, as received.
            pub fn body(&self) -> &[u8] {
                self.raw.body()
            }

            /// The body decoded as the error the spec documents for this status; `None` when
            /// it documents none or the body does not match it.
            pub fn error(&self) -> Option<&E> {
                self.error.as_ref()
            }

            /// The whole response.
            pub fn raw(&self) -> &RawResponse {
                &self.raw
            }
        }

        /// A success response whose body could not be decoded.
        #[derive(Debug)]
        pub struct DecodeError {
            response: RawResponse,
            source: serde_json::Error,
        }

        impl DecodeError {
            pub(crate) fn new(response: RawResponse, source: serde_json::Error) -> Self {
                Self { response, source }
            }

            /// The response, with the body that failed to decode.
            pub fn response(&self) -> &RawResponse {
                &self.response
            }
        }

        impl std::fmt::Display for DecodeError {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(
                    f,
                    "cannot decode the {} response body: {}; body: {}",
                    self.response.status(),
                    self.source,
                    preview(self.response.body())
                )
            }
        }

        impl std::error::Error for DecodeError {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.source)
            }
        }

        /// The error body of operations for which the spec documents none. It has no values:
        /// [`ErrorResponse::error`] is always `None` for them, and the raw body is in
        /// [`ErrorResponse::body`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Undocumented {}
    }
}

/// `src/response.rs`.
pub fn response_file() -> TokenStream {
    quote! {
        use reqwest::StatusCode;
        use reqwest::header::HeaderMap;

        /// A success response: its status and headers, and the decoded body.
        ///
        /// Dereferences to the body, so `response.len()` works on a list body.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Response<T> {
            status: StatusCode,
            headers: HeaderMap,
            body: T,
        }

        impl<T> Response<T> {
            pub(crate) fn new(status: StatusCode, headers: HeaderMap, body: T) -> Self {
                Self { status, headers, body }
            }

            /// The status.
            pub fn status(&self) -> StatusCode {
                self.status
            }

            /// The headers.
            pub fn headers(&self) -> &HeaderMap {
                &self.headers
            }

            /// The decoded body.
            pub fn body(&self) -> &T {
                &self.body
            }

            /// The decoded body, dropping status and headers.
            pub fn into_body(self) -> T {
                self.body
            }

            /// Status, headers and body.
            pub fn into_parts(self) -> (StatusCode, HeaderMap, T) {
                (self.status, self.headers, self.body)
            }
        }

        impl<T> std::ops::Deref for Response<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.body
            }
        }
    }
}

/// `src/runtime.rs`: crate-private plumbing shared by all operations.
pub fn runtime_file() -> TokenStream {
    quote! {
        use reqwest::header::{CONTENT_TYPE, HeaderValue};

        use crate::error::{DecodeError, Error, ErrorResponse, RawResponse};
        use crate::response::Response;

        /// Why a success body could not be decoded.
        pub(crate) enum Failure {
            ContentType,
            Json(serde_json::Error),
        }

        /// How a credential is sent.
        #[derive(Debug, Clone, Copy)]
        pub(crate) enum Scheme {
            Header(&'static str),
            Query(&'static str),
            Cookie(&'static str),
            Bearer,
            Basic,
        }

        /// A credential. Its `Debug` output never shows the secret.
        #[derive(Clone)]
        pub(crate) enum Secret {
            Token(String),
            Basic { user: String, password: Option<String> },
        }

        impl std::fmt::Debug for Secret {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("<redacted>")
            }
        }

        /// Appends each value as one path segment: `/`, `?`, `#`, `%` and spaces are
        /// percent-encoded, so a value can never reach another segment or the query.
        pub(crate) fn url<E>(base: &reqwest::Url, segments: &[&str]) -> Result<reqwest::Url, Error<E>> {
            // URL parsers drop `.` and `..` segments and collapse empty ones: such a value
            // would silently address another resource, so it is refused instead.
            if let Some(bad) = segments.iter().find(|s| matches!(**s, "" | "." | "..")) {
                return Err(Error::InvalidRequest(format!(
                    "path parameter value {bad:?} cannot be sent as a path segment"
                )));
            }
            let mut url = base.clone();
            url.path_segments_mut()
                .map_err(|()| Error::InvalidRequest(format!("base URL {base} cannot have a path")))?
                .pop_if_empty()
                .extend(segments);
            Ok(url)
        }

        /// Adds the credentials of the first alternative whose credentials are all set.
        /// An empty alternative means no credentials are needed.
        pub(crate) fn authorize<E>(
            mut request: reqwest::RequestBuilder,
            schemes: &[Scheme],
            credentials: &[Option<Secret>],
            alternatives: &[&[usize]],
        ) -> Result<reqwest::RequestBuilder, Error<E>> {
            if alternatives.is_empty() {
                return Ok(request);
            }
            let chosen = alternatives.iter().find(|alternative| {
                alternative.iter().all(|i| matches!(credentials.get(*i), Some(Some(_))))
            });
            let Some(chosen) = chosen else {
                return Err(Error::InvalidRequest(
                    "this operation needs credentials that the client was not given; set them on the ClientBuilder".to_owned(),
                ));
            };
            for index in chosen.iter() {
                let (Some(scheme), Some(Some(secret))) = (schemes.get(*index), credentials.get(*index)) else {
                    continue;
                };
                request = match (scheme, secret) {
                    (Scheme::Header(name), Secret::Token(token)) => {
                        request.header(*name, sensitive(token, name)?)
                    }
                    (Scheme::Query(name), Secret::Token(token)) => request.query(&[(name, token)]),
                    (Scheme::Cookie(name), Secret::Token(token)) => {
                        request.header(reqwest::header::COOKIE, sensitive(&format!("{name}={token}"), name)?)
                    }
                    (Scheme::Bearer, Secret::Token(token)) => request.bearer_auth(token),
                    (Scheme::Basic, Secret::Basic { user, password }) => request.basic_auth(user, password.as_ref()),
                    _ => request,
                };
            }
            Ok(request)
        }

        /// A header value that HTTP/2 header compression and `Debug` output leave out.
        fn sensitive<E>(value: &str, name: &str) -> Result<HeaderValue, Error<E>> {
            let mut value = HeaderValue::from_str(value).map_err(|_| {
                Error::InvalidRequest(format!("the credential for `{name}` is not a valid header value"))
            })?;
            value.set_sensitive(true);
            Ok(value)
        }

        /// How an array or object query parameter is spelled.
        #[derive(Debug, Clone, Copy)]
        pub(crate) enum Style {
            /// `id=1&id=2`; objects as `key=value` pairs.
            FormExploded,
            /// `id=1,2`; objects as `id=key,value,key,value`.
            Comma,
            /// `id=1%202`.
            Space,
            /// `id=1|2`.
            Pipe,
            /// `id[key]=value`.
            DeepObject,
        }

        /// Adds an optional scalar query parameter when it is set.
        #[inline]
        pub(crate) fn query_opt<T: serde::Serialize>(
            request: reqwest::RequestBuilder,
            name: &str,
            value: &Option<T>,
        ) -> reqwest::RequestBuilder {
            match value {
                Some(value) => request.query(&[(name, value)]),
                None => request,
            }
        }

        /// Adds an array or object query parameter in the given style.
        pub(crate) fn query<T: serde::Serialize, E>(
            request: reqwest::RequestBuilder,
            name: &str,
            value: &T,
            style: Style,
        ) -> Result<reqwest::RequestBuilder, Error<E>> {
            let value = serde_json::to_value(value)
                .map_err(|e| Error::InvalidRequest(format!("query parameter `{name}`: {e}")))?;
            let separator = match style {
                Style::Space => " ",
                Style::Pipe => "|",
                _ => ",",
            };
            let mut pairs: Vec<(String, String)> = Vec::new();
            match (value, style) {
                (serde_json::Value::Null, _) => {}
                (serde_json::Value::Array(items), Style::FormExploded | Style::DeepObject) => {
                    pairs.extend(items.iter().map(|item| (name.to_owned(), text(item))));
                }
                (serde_json::Value::Array(items), _) => {
                    let joined: Vec<String> = items.iter().map(text).collect();
                    pairs.push((name.to_owned(), joined.join(separator)));
                }
                (serde_json::Value::Object(map), Style::DeepObject) => deep_object(name, &map, &mut pairs),
                (serde_json::Value::Object(map), Style::FormExploded) => {
                    pairs.extend(map.iter().map(|(key, item)| (key.clone(), text(item))));
                }
                (serde_json::Value::Object(map), _) => {
                    let joined: Vec<String> = map.iter().flat_map(|(key, item)| [key.clone(), text(item)]).collect();
                    pairs.push((name.to_owned(), joined.join(separator)));
                }
                (scalar, _) => pairs.push((name.to_owned(), text(&scalar))),
            }
            Ok(request.query(&pairs))
        }

        fn deep_object(prefix: &str, map: &serde_json::Map<String, serde_json::Value>, pairs: &mut Vec<(String, String)>) {
            for (key, item) in map {
                let name = format!("{prefix}[{key}]");
                match item {
                    serde_json::Value::Object(inner) => deep_object(&name, inner, pairs),
                    serde_json::Value::Array(items) => pairs.extend(items.iter().map(|i| (name.clone(), text(i)))),
                    serde_json::Value::Null => {}
                    other => pairs.push((name, text(other))),
                }
            }
        }

        /// A URL for messages and `Debug` output: any user name or password is replaced.
        pub(crate) fn redact_url(url: &str) -> String {
            match reqwest::Url::parse(url) {
                Ok(mut parsed) if !parsed.username().is_empty() || parsed.password().is_some() => {
                    let _ = parsed.set_username("redacted");
                    let _ = parsed.set_password(None);
                    parsed.to_string()
                }
                Ok(_) => url.to_owned(),
                Err(_) => "<not a URL>".to_owned(),
            }
        }

        fn text(value: &serde_json::Value) -> String {
            match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            }
        }

        /// Values joined for a path segment or header (`simple` style).
        pub(crate) fn join<T: std::fmt::Display>(values: &[T]) -> String {
            let texts: Vec<String> = values.iter().map(ToString::to_string).collect();
            texts.join(",")
        }

        /// Adds the `Cookie` header for cookie parameters.
        pub(crate) fn cookies(request: reqwest::RequestBuilder, pairs: &[(&str, String)]) -> reqwest::RequestBuilder {
            if pairs.is_empty() {
                return request;
            }
            let joined: Vec<String> = pairs.iter().map(|(name, value)| format!("{name}={value}")).collect();
            request.header(reqwest::header::COOKIE, joined.join("; "))
        }

        /// A value as JSON text (multipart parts that carry objects).
        pub(crate) fn json_text<T: serde::Serialize, E>(value: &T) -> Result<String, Error<E>> {
            serde_json::to_string(value).map_err(|e| Error::InvalidRequest(e.to_string()))
        }

        /// Sends the request, reads the whole response (up to `max_body_size`), and decodes
        /// it: success statuses with `decode`, others into [`Error::Status`] with
        /// `decode_error`.
        pub(crate) async fn send<T, E>(
            request: reqwest::RequestBuilder,
            max_body_size: usize,
            decode: fn(&RawResponse) -> Result<T, Failure>,
            decode_error: fn(u16, &[u8]) -> Option<E>,
        ) -> Result<Response<T>, Error<E>> {
            let mut response = request.send().await.map_err(Error::from_reqwest)?;
            let status = response.status();
            // Taken, not cloned: the body is read through `chunk`, which needs no headers.
            let headers = std::mem::take(response.headers_mut());
            let too_large = || Error::BodyTooLarge {
                status,
                headers: Box::new(headers.clone()),
                limit: max_body_size,
            };
            if response.content_length().is_some_and(|len| len > max_body_size as u64) {
                return Err(too_large());
            }
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(Error::from_reqwest)? {
                if body.len() + chunk.len() > max_body_size {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            let raw = RawResponse::new(status, headers, body);
            if !status.is_success() {
                let error = decode_error(status.as_u16(), raw.body());
                return Err(Error::Status(Box::new(ErrorResponse::new(raw, error))));
            }
            match decode(&raw) {
                Ok(body) => {
                    let (status, headers, _) = raw.into_parts();
                    Ok(Response::new(status, headers, body))
                }
                Err(Failure::ContentType) => Err(Error::UnexpectedContentType(Box::new(raw))),
                Err(Failure::Json(source)) => Err(Error::Decode(Box::new(DecodeError::new(raw, source)))),
            }
        }

        /// Decodes a JSON body. A body without `content-type` is tried as JSON; one with
        /// another content type is refused.
        pub(crate) fn json<T: serde::de::DeserializeOwned>(raw: &RawResponse) -> Result<T, Failure> {
            let is_json = match raw.headers().get(CONTENT_TYPE).map(|v| v.to_str()) {
                None => true,
                Some(Ok(value)) => {
                    let essence = value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
                    essence == "application/json" || essence.ends_with("+json")
                }
                Some(Err(_)) => false,
            };
            if !is_json {
                return Err(Failure::ContentType);
            }
            serde_json::from_slice(raw.body()).map_err(Failure::Json)
        }

        /// Any JSON value; an empty body is `null` (servers often send nothing where the
        /// spec documents no schema).
        pub(crate) fn json_value(raw: &RawResponse) -> Result<serde_json::Value, Failure> {
            if raw.body().iter().all(u8::is_ascii_whitespace) {
                return Ok(serde_json::Value::Null);
            }
            json(raw)
        }

        /// A text body (invalid UTF-8 is replaced, never an error).
        pub(crate) fn text_body(raw: &RawResponse) -> Result<String, Failure> {
            Ok(raw.text().into_owned())
        }

        /// A binary body.
        pub(crate) fn bytes(raw: &RawResponse) -> Result<Vec<u8>, Failure> {
            Ok(raw.body().to_vec())
        }

        /// No body (whatever arrived stays in nothing: the operation documents none).
        pub(crate) fn empty(_: &RawResponse) -> Result<(), Failure> {
            Ok(())
        }

        /// A JSON error body, if it decodes.
        pub(crate) fn error_json<E: serde::de::DeserializeOwned>(body: &[u8]) -> Option<E> {
            serde_json::from_slice(body).ok()
        }

        /// For operations that document no error body.
        pub(crate) fn no_error<E>(_: u16, _: &[u8]) -> Option<E> {
            None
        }
    }
}
