//! `src/client.rs`: the `Client`, its builder, and the credentials the spec's security
//! schemes call for.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs;
use super::types::ident;
use crate::model::{Api, SchemeKind, SecurityScheme};

pub fn file(api: &Api) -> TokenStream {
    let scheme_count = Literal::usize_unsuffixed(api.security_schemes.len());
    let schemes = api.security_schemes.iter().map(|s| match &s.kind {
        SchemeKind::ApiKeyHeader(name) => quote!(crate::runtime::Scheme::Header(#name)),
        SchemeKind::ApiKeyQuery(name) => quote!(crate::runtime::Scheme::Query(#name)),
        SchemeKind::ApiKeyCookie(name) => quote!(crate::runtime::Scheme::Cookie(#name)),
        SchemeKind::Bearer => quote!(crate::runtime::Scheme::Bearer),
        SchemeKind::Basic => quote!(crate::runtime::Scheme::Basic),
    });
    let setters = api
        .security_schemes
        .iter()
        .enumerate()
        .map(|(index, scheme)| setter(index, scheme));
    let client_doc = docs::outer(&format!(
        "Client for the {} (version {}).\n\n\
         Cheap to clone: clones share the connection pool and the credentials. Every \
         operation of the spec is a method returning a request builder; `.await` it (or call \
         `.send()`) to send the request.",
        super::docs::api_name(&api.title),
        api.version
    ));
    let (default_base, new_fn) = constructors(api);
    let default_impl = (api.base_url.is_some() && !has_token_argument(api)).then(|| {
        quote! {
            impl Default for Client {
                /// The same as [`Client::new`].
                fn default() -> Self {
                    Self::new()
                }
            }
        }
    });
    // Specs without security schemes get no credential plumbing at all, rather than
    // plumbing that is never used.
    let secured = api.operations.iter().any(|op| !op.security.is_empty());
    let schemes_const = secured.then(|| {
        quote! {
            /// How each security scheme of the spec sends its credential, in the order of
            /// `ClientBuilder::credentials`.
            const SCHEMES: [Scheme; #scheme_count] = [#(#schemes),*];
        }
    });
    let uses = if secured {
        quote!(
            use crate::runtime::{Scheme, Secret};
        )
    } else {
        quote!(
            use crate::runtime::Secret;
        )
    };
    let authorize = secured.then(|| {
        quote! {
            /// Adds the credentials of the first satisfiable alternative.
            pub(crate) fn authorize<E>(
                &self,
                request: reqwest::RequestBuilder,
                alternatives: &[&[usize]],
            ) -> Result<reqwest::RequestBuilder, crate::Error<E>> {
                crate::runtime::authorize(request, &SCHEMES, &self.inner.credentials, alternatives)
            }
        }
    });
    let missing_base = if api.base_url.is_some() {
        quote!(Client::DEFAULT_BASE_URL.to_owned())
    } else {
        quote!(return Err(BuildError::MissingBaseUrl))
    };
    quote! {
        use std::sync::Arc;
        use std::time::Duration;

        #uses

        #schemes_const

        #client_doc
        #[derive(Clone)]
        pub struct Client {
            inner: Arc<Inner>,
        }

        #[derive(Debug)]
        struct Inner {
            http: reqwest::Client,
            base_url: reqwest::Url,
            custom_base_url: bool,
            credentials: [Option<Secret>; #scheme_count],
            timeout: Duration,
            max_body_size: usize,
        }

        impl std::fmt::Debug for Client {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct("Client")
                    .field("base_url", &self.inner.base_url.as_str())
                    .field("credentials", &self.inner.credentials)
                    .field("timeout", &self.inner.timeout)
                    .field("max_body_size", &self.inner.max_body_size)
                    .finish_non_exhaustive()
            }
        }

        impl Client {
            #default_base
            #new_fn

            /// A builder to set the base URL, credentials, timeouts, user agent or the
            /// underlying `reqwest::Client`.
            pub fn builder() -> ClientBuilder {
                ClientBuilder::default()
            }

            /// The base URL requests are sent to; operation paths are appended to it.
            pub fn base_url(&self) -> &reqwest::Url {
                &self.inner.base_url
            }

            /// A request for `segments` appended to the base URL (or to the operation's own
            /// `server`, unless the base URL was set explicitly), with the client's timeout.
            pub(crate) fn request<E>(
                &self,
                server: Option<&str>,
                method: reqwest::Method,
                segments: &[&str],
            ) -> Result<reqwest::RequestBuilder, crate::Error<E>> {
                let url = match server {
                    Some(server) if !self.inner.custom_base_url => {
                        let base = reqwest::Url::parse(server)
                            .map_err(|e| crate::Error::InvalidRequest(format!("server {server}: {e}")))?;
                        crate::runtime::url(&base, segments)?
                    }
                    _ => crate::runtime::url(&self.inner.base_url, segments)?,
                };
                Ok(self.inner.http.request(method, url).timeout(self.inner.timeout))
            }

            #authorize

            pub(crate) fn max_body_size(&self) -> usize {
                self.inner.max_body_size
            }
        }

        #default_impl

        /// Configures and builds a [`Client`].
        ///
        /// Defaults: the spec's base URL, a
        /// [`DEFAULT_TIMEOUT`](Self::DEFAULT_TIMEOUT) per request, a
        /// [`DEFAULT_CONNECT_TIMEOUT`](Self::DEFAULT_CONNECT_TIMEOUT), and bodies up to
        /// [`DEFAULT_MAX_BODY_SIZE`](Self::DEFAULT_MAX_BODY_SIZE).
        pub struct ClientBuilder {
            base_url: Option<String>,
            credentials: [Option<Secret>; #scheme_count],
            timeout: Duration,
            connect_timeout: Duration,
            user_agent: String,
            http_client: Option<reqwest::Client>,
            max_body_size: usize,
        }

        impl std::fmt::Debug for ClientBuilder {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct("ClientBuilder")
                    .field("base_url", &self.base_url.as_deref().map(crate::runtime::redact_url))
                    .field("credentials", &self.credentials)
                    .field("timeout", &self.timeout)
                    .field("connect_timeout", &self.connect_timeout)
                    .field("user_agent", &self.user_agent)
                    .field("http_client", &self.http_client)
                    .field("max_body_size", &self.max_body_size)
                    .finish()
            }
        }

        impl Default for ClientBuilder {
            fn default() -> Self {
                Self {
                    base_url: None,
                    credentials: std::array::from_fn(|_| None),
                    timeout: Self::DEFAULT_TIMEOUT,
                    connect_timeout: Self::DEFAULT_CONNECT_TIMEOUT,
                    user_agent: concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")).to_owned(),
                    http_client: None,
                    max_body_size: Self::DEFAULT_MAX_BODY_SIZE,
                }
            }
        }

        impl ClientBuilder {
            /// Time allowed for a whole request, from connecting to the end of the body.
            pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
            /// Time allowed to establish a connection.
            pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
            /// Largest response body read, in bytes (64 MiB).
            pub const DEFAULT_MAX_BODY_SIZE: usize = 64 * 1024 * 1024;

            /// Sends requests to `url` instead of the spec's server (a test server, a proxy).
            /// A path prefix such as `/v1` is kept. Checked by [`build`](Self::build).
            pub fn base_url(mut self, url: impl Into<String>) -> Self {
                self.base_url = Some(url.into());
                self
            }

            #(#setters)*

            /// Time allowed for each request, from connecting to the end of the body.
            /// Also applies when a custom [`http_client`](Self::http_client) is given.
            pub fn timeout(mut self, timeout: Duration) -> Self {
                self.timeout = timeout;
                self
            }

            /// Time allowed to establish a connection. Ignored when a custom
            /// [`http_client`](Self::http_client) is given: configure that client instead.
            pub fn connect_timeout(mut self, timeout: Duration) -> Self {
                self.connect_timeout = timeout;
                self
            }

            /// The `user-agent` header. Ignored when a custom
            /// [`http_client`](Self::http_client) is given.
            pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
                self.user_agent = user_agent.into();
                self
            }

            /// Uses this `reqwest::Client` (proxies, TLS roots, connection pool settings).
            pub fn http_client(mut self, client: reqwest::Client) -> Self {
                self.http_client = Some(client);
                self
            }

            /// Largest response body read, in bytes; a larger one is
            /// [`Error::BodyTooLarge`](crate::Error::BodyTooLarge).
            pub fn max_body_size(mut self, bytes: usize) -> Self {
                self.max_body_size = bytes;
                self
            }

            /// Checks the base URL (http or https, a host, no user name or password, no
            /// query or fragment) and builds the client.
            pub fn build(self) -> Result<Client, BuildError> {
                let custom_base_url = self.base_url.is_some();
                let base = match self.base_url {
                    Some(url) => url,
                    None => #missing_base,
                };
                let base_url = parse_base_url(&base)?;
                let http = match self.http_client {
                    Some(client) => client,
                    None => reqwest::Client::builder()
                        .connect_timeout(self.connect_timeout)
                        .user_agent(self.user_agent)
                        .build()
                        .map_err(BuildError::Http)?,
                };
                Ok(Client {
                    inner: Arc::new(Inner {
                        http,
                        base_url,
                        custom_base_url,
                        credentials: self.credentials,
                        timeout: self.timeout,
                        max_body_size: self.max_body_size,
                    }),
                })
            }
        }

        fn parse_base_url(text: &str) -> Result<reqwest::Url, BuildError> {
            let invalid = |reason: &str| BuildError::InvalidBaseUrl {
                url: crate::runtime::redact_url(text),
                reason: reason.to_owned(),
            };
            let url = reqwest::Url::parse(text).map_err(|e| invalid(&e.to_string()))?;
            if !matches!(url.scheme(), "http" | "https") {
                return Err(invalid("the scheme must be http or https"));
            }
            if url.host_str().is_none_or(str::is_empty) {
                return Err(invalid("it has no host"));
            }
            if !url.username().is_empty() || url.password().is_some() {
                return Err(invalid("it must not contain a user name or password; set credentials on the builder"));
            }
            if url.query().is_some() || url.fragment().is_some() {
                return Err(invalid("it must not have a query or fragment"));
            }
            Ok(url)
        }

        /// Why a [`Client`] could not be built.
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum BuildError {
            /// The spec names no server and no base URL was given.
            MissingBaseUrl,
            /// The base URL is not usable.
            InvalidBaseUrl {
                /// The URL as given, with any user name or password replaced.
                url: String,
                /// What is wrong with it.
                reason: String,
            },
            /// The HTTP client could not be built (TLS backend initialisation failed).
            Http(reqwest::Error),
        }

        impl std::fmt::Display for BuildError {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    BuildError::MissingBaseUrl => f.write_str("no base URL: the spec names no server, so set one with ClientBuilder::base_url"),
                    BuildError::InvalidBaseUrl { reason, .. } => write!(f, "invalid base URL: {reason}"),
                    BuildError::Http(error) => write!(f, "cannot build the HTTP client: {error}"),
                }
            }
        }

        impl std::error::Error for BuildError {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                match self {
                    BuildError::Http(error) => Some(error),
                    _ => None,
                }
            }
        }
    }
}

/// `DEFAULT_BASE_URL` and `Client::new`, whose arguments depend on the spec: the credential
/// when there is exactly one token scheme, the base URL when the spec names no server.
fn token_scheme(api: &Api) -> Option<&SecurityScheme> {
    match api.security_schemes.as_slice() {
        [only] if only.kind != SchemeKind::Basic => Some(only),
        _ => None,
    }
}

fn has_token_argument(api: &Api) -> bool {
    token_scheme(api).is_some()
}

fn constructors(api: &Api) -> (TokenStream, TokenStream) {
    let token_scheme = token_scheme(api);
    let (cred_param, cred_call, cred_doc) = match token_scheme {
        Some(scheme) => {
            let setter = ident(&scheme.name);
            (
                Some(quote!(#setter: impl Into<String>)),
                Some(quote!(.#setter(#setter))),
                format!(" with the credential `{}`", scheme.name),
            )
        }
        None => (None, None, String::new()),
    };
    match &api.base_url {
        Some(base) => {
            let doc = docs::outer(&format!(
                "A client for [`DEFAULT_BASE_URL`](Self::DEFAULT_BASE_URL){cred_doc}, with \
                 the default timeouts.\n\n\
                 # Panics\n\n\
                 When the TLS backend cannot be initialised, like `reqwest::Client::new`. Use \
                 [`Client::builder`] to handle that as an error."
            ));
            let base_doc = format!(" The spec's server: `{base}`.");
            (
                quote! {
                    #[doc = #base_doc]
                    pub const DEFAULT_BASE_URL: &'static str = #base;
                },
                quote! {
                    #doc
                    pub fn new(#cred_param) -> Self {
                        match Self::builder()#cred_call.build() {
                            Ok(client) => client,
                            Err(error) => panic!("{error}"),
                        }
                    }
                },
            )
        }
        None => {
            let doc = docs::outer(&format!(
                "A client for `base_url`{cred_doc}, with the default timeouts. The spec \
                 names no absolute server URL, so the base URL is required."
            ));
            let comma = cred_param.as_ref().map(|_| quote!(,));
            (
                TokenStream::new(),
                quote! {
                    #doc
                    pub fn new(base_url: impl Into<String> #comma #cred_param) -> Result<Self, BuildError> {
                        Self::builder().base_url(base_url)#cred_call.build()
                    }
                },
            )
        }
    }
}

fn setter(index: usize, scheme: &SecurityScheme) -> TokenStream {
    let name = ident(&scheme.name);
    let index = Literal::usize_unsuffixed(index);
    let how = match &scheme.kind {
        SchemeKind::ApiKeyHeader(header) => format!("sent in the `{header}` header"),
        SchemeKind::ApiKeyQuery(param) => format!("sent as the `{param}` query parameter"),
        SchemeKind::ApiKeyCookie(cookie) => format!("sent as the `{cookie}` cookie"),
        SchemeKind::Bearer => "sent as `Authorization: Bearer <token>`".to_owned(),
        SchemeKind::Basic => "sent as HTTP basic authentication".to_owned(),
    };
    let mut text = format!(
        "Sets the credential of the `{}` security scheme, {how}. It is never shown by `Debug`.",
        scheme.key
    );
    if let Some(description) = &scheme.description {
        text.push_str("\n\n");
        text.push_str(description);
    }
    let doc = docs::outer(&text);
    match scheme.kind {
        SchemeKind::Basic => quote! {
            #doc
            pub fn #name(mut self, user: impl Into<String>, password: Option<String>) -> Self {
                self.credentials[#index] = Some(Secret::Basic { user: user.into(), password });
                self
            }
        },
        _ => quote! {
            #doc
            pub fn #name(mut self, value: impl Into<String>) -> Self {
                self.credentials[#index] = Some(Secret::Token(value.into()));
                self
            }
        },
    }
}
