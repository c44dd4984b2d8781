//! Doc comments from spec text.
//!
//! Spec descriptions are CommonMark written for humans, not rustdoc: an indented block or
//! an untagged code fence would become a doctest that fails to compile. Code blocks are
//! therefore marked `text`, and indentation that would start a code block is removed.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Docs;

/// `#[doc = "..."]` attributes, one per line of `text` (outer docs: `///`).
pub fn outer(text: &str) -> TokenStream {
    let lines = lines(text);
    quote! { #( #[doc = #lines] )* }
}

/// `#![doc = "..."]` attributes (inner docs: `//!`).
pub fn inner(text: &str) -> TokenStream {
    let lines = lines(text);
    quote! { #( #![doc = #lines] )* }
}

fn lines(text: &str) -> Vec<String> {
    sanitize(text)
        .lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        })
        .collect()
}

/// Summary, then description, separated by a blank line; `fallback` when the spec has
/// neither.
pub fn text(docs: &Docs, fallback: &str) -> String {
    let parts: Vec<&str> = [docs.summary.as_deref(), docs.description.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut unique: Vec<&str> = Vec::with_capacity(parts.len());
    for part in parts {
        if !unique.contains(&part) {
            unique.push(part);
        }
    }
    if unique.is_empty() {
        fallback.to_owned()
    } else {
        unique.join("\n\n")
    }
}

/// Makes spec Markdown safe for rustdoc (see the module docs).
pub fn sanitize(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in text.trim().lines() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            if in_fence {
                out.push("```".to_owned());
            } else {
                let lang = info.trim();
                out.push(format!(
                    "```{}",
                    if lang.is_empty() || lang == "rust" {
                        "text"
                    } else {
                        lang
                    }
                ));
            }
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push(line.trim_end().to_owned());
        } else {
            // Four spaces of indentation start an indented code block in Markdown.
            let indent = line.len() - trimmed.len();
            let keep = if indent >= 4 { 2 } else { indent };
            out.push(format!(
                "{}{}",
                " ".repeat(keep),
                escape_brackets(trimmed.trim_end())
            ));
        }
    }
    if in_fence {
        out.push("```".to_owned());
    }
    out.join("\n")
}

/// Escapes `[` and `]` that rustdoc would read as intra-doc links (`[optional]`), keeping
/// Markdown links (`[text](url)`) and inline code as they are.
fn escape_brackets(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '[' if !in_code => {
                let closes_link = chars
                    .iter()
                    .skip(i + 1)
                    .position(|&c| c == ']')
                    .is_some_and(|n| chars.get(i + 1 + n + 1) == Some(&'('));
                out.push_str(if closes_link { "[" } else { "\\[" });
            }
            ']' if !in_code => {
                out.push_str(if chars.get(i + 1) == Some(&'(') {
                    "]"
                } else {
                    "\\]"
                });
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn code_blocks_do_not_become_doctests() {
        assert_eq!(sanitize("a\n```\nx\n```"), "a\n```text\nx\n```");
        assert_eq!(sanitize("```json\n{}\n```"), "```json\n{}\n```");
        assert_eq!(sanitize("a\n\n        code"), "a\n\n  code");
        assert_eq!(sanitize("```\nunclosed"), "```text\nunclosed\n```");
    }

    #[test]
    fn brackets_are_not_intra_doc_links() {
        assert_eq!(sanitize("a [b] c"), "a \\[b\\] c");
        assert_eq!(sanitize("see [docs](https://x)"), "see [docs](https://x)");
        assert_eq!(sanitize("`a[0]`"), "`a[0]`");
    }
}
