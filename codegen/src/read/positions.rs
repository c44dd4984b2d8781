//! Line and column of each JSON pointer in the spec text, for error messages.
//!
//! `serde_yaml` keeps no positions, so the text is read a second time with `yaml-rust2`'s
//! event parser (which also reads JSON), and only when there is an error to locate.

use std::collections::BTreeMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
}

/// Pointer (in `#/a/b` form) to the position of its key (or sequence item).
#[derive(Debug, Default)]
pub struct Positions {
    by_pointer: BTreeMap<String, Position>,
}

impl Positions {
    /// Indexes `text`; a text that does not parse gives an empty index.
    pub fn of(text: &str) -> Self {
        let mut walker = Walker::default();
        let mut parser = Parser::new_from_str(text);
        if parser.load(&mut walker, false).is_err() {
            return Self::default();
        }
        Self {
            by_pointer: walker.found,
        }
    }

    /// The position of `pointer`, or of its nearest ancestor that has one.
    pub fn locate(&self, pointer: &crate::JsonPointer) -> Option<Position> {
        let mut tokens = pointer.tokens().to_vec();
        loop {
            let text = tokens
                .iter()
                .fold(crate::JsonPointer::root(), |p, t| p.join(t))
                .to_string();
            if let Some(position) = self.by_pointer.get(&text) {
                return Some(*position);
            }
            tokens.pop()?;
        }
    }
}

enum Frame {
    Mapping { key: Option<String> },
    Sequence { index: usize },
}

#[derive(Default)]
struct Walker {
    stack: Vec<Frame>,
    /// The pointer tokens of the node being read.
    path: Vec<String>,
    found: BTreeMap<String, Position>,
}

impl Walker {
    fn record(&mut self, token: String, mark: Marker) {
        let pointer = self
            .path
            .iter()
            .chain(std::iter::once(&token))
            .fold(crate::JsonPointer::root(), |p, t| p.join(t))
            .to_string();
        self.found.entry(pointer).or_insert(Position {
            line: mark.line(),
            column: mark.col() + 1,
        });
    }

    /// A value (scalar or container start) arrives in the current container: returns the
    /// token naming it, after recording its position.
    fn enter_value(&mut self, mark: Marker) -> Option<String> {
        match self.stack.last_mut() {
            Some(Frame::Mapping { key }) => key.take(),
            Some(Frame::Sequence { index }) => {
                let token = index.to_string();
                *index += 1;
                self.record(token.clone(), mark);
                Some(token)
            }
            None => None,
        }
    }
}

impl MarkedEventReceiver for Walker {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(value, ..) => {
                if let Some(Frame::Mapping { key }) = self.stack.last_mut() {
                    if key.is_none() {
                        *key = Some(value.clone());
                        self.record(value, mark);
                        return;
                    }
                }
                self.enter_value(mark);
            }
            Event::Alias(_) => {
                self.enter_value(mark);
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let token = self.enter_value(mark);
                if let Some(token) = token {
                    self.path.push(token);
                } else if !self.stack.is_empty() {
                    // A complex mapping key: give it a placeholder so paths stay aligned.
                    self.path.push(String::new());
                }
                self.stack.push(match event {
                    Event::MappingStart(..) => Frame::Mapping { key: None },
                    _ => Frame::Sequence { index: 0 },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                if !self.stack.is_empty() {
                    self.path.pop();
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::JsonPointer;

    #[test]
    fn yaml_positions() {
        let text = "openapi: 3.0.3\npaths:\n  /a/{b}:\n    get:\n      parameters:\n        - name: x\n        - name: y\n";
        let positions = Positions::of(text);
        let at = |p: &str| positions.locate(&JsonPointer::from_ref(p).unwrap());
        assert_eq!(
            at("#/paths/~1a~1{b}/get"),
            Some(Position { line: 4, column: 5 })
        );
        assert_eq!(
            at("#/paths/~1a~1{b}/get/parameters/1/name"),
            Some(Position {
                line: 7,
                column: 11
            })
        );
        // Unknown tail: the nearest ancestor.
        assert_eq!(
            at("#/paths/~1a~1{b}/get/responses"),
            Some(Position { line: 4, column: 5 })
        );
    }

    #[test]
    fn json_positions() {
        let text = "{\n  \"paths\": {\n    \"/x\": {\"get\": {}}\n  }\n}";
        let positions = Positions::of(text);
        let found = positions.locate(&JsonPointer::from_ref("#/paths/~1x/get").unwrap());
        assert_eq!(found.map(|p| p.line), Some(3));
    }
}

/// The deepest nesting of schemas inside schemas (`items`, `properties`,
/// `additionalProperties`, `not`, `allOf`/`oneOf`/`anyOf` members), and the pointer of the
/// first place that goes past `limit`.
pub fn schema_nesting_beyond(text: &str, limit: usize) -> Option<crate::JsonPointer> {
    let mut scan = NestingScan {
        limit,
        ..NestingScan::default()
    };
    let mut parser = Parser::new_from_str(text);
    // A syntax error is reported by the real parse, with its position.
    let _ = parser.load(&mut scan, false);
    scan.beyond
}

#[derive(Default)]
struct NestingScan {
    limit: usize,
    /// Per open container: its schema depth, whether its children are schemas, and (for
    /// mappings) the pending key.
    stack: Vec<ScanFrame>,
    path: Vec<String>,
    beyond: Option<crate::JsonPointer>,
}

struct ScanFrame {
    depth: usize,
    children_are_schemas: bool,
    mapping: bool,
    key: Option<String>,
    index: usize,
}

impl MarkedEventReceiver for NestingScan {
    fn on_event(&mut self, event: Event, _mark: Marker) {
        if self.beyond.is_some() {
            return;
        }
        match event {
            Event::Scalar(value, ..) => match self.stack.last_mut() {
                Some(frame) if frame.mapping && frame.key.is_none() => frame.key = Some(value),
                Some(frame) if frame.mapping => frame.key = None,
                Some(frame) => frame.index += 1,
                None => {}
            },
            Event::Alias(_) => match self.stack.last_mut() {
                Some(frame) if frame.mapping => frame.key = None,
                Some(frame) => frame.index += 1,
                None => {}
            },
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let mapping = matches!(event, Event::MappingStart(..));
                let (depth, token, key) = match self.stack.last_mut() {
                    Some(parent) => {
                        let (token, key) = if parent.mapping {
                            let key = parent.key.take().unwrap_or_default();
                            (key.clone(), key)
                        } else {
                            parent.index += 1;
                            ((parent.index - 1).to_string(), String::new())
                        };
                        let nested = parent.children_are_schemas
                            || matches!(key.as_str(), "items" | "additionalProperties" | "not");
                        (parent.depth + usize::from(nested), Some(token), key)
                    }
                    None => (0, None, String::new()),
                };
                if let Some(token) = token {
                    self.path.push(token);
                }
                if depth > self.limit {
                    self.beyond = Some(
                        self.path
                            .iter()
                            .fold(crate::JsonPointer::root(), |p, t| p.join(t)),
                    );
                }
                self.stack.push(ScanFrame {
                    depth,
                    children_are_schemas: matches!(
                        key.as_str(),
                        "properties" | "allOf" | "oneOf" | "anyOf"
                    ),
                    mapping,
                    key: None,
                    index: 0,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                if !self.stack.is_empty() {
                    self.path.pop();
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod nesting_tests {
    use super::schema_nesting_beyond;

    #[test]
    fn finds_deep_schemas() {
        let mut schema = "{type: string}".to_owned();
        for _ in 0..5 {
            schema = format!("{{type: array, items: {schema}}}");
        }
        let text = format!("components:\n  schemas:\n    A: {schema}\n");
        assert_eq!(schema_nesting_beyond(&text, 5), None);
        let beyond = schema_nesting_beyond(&text, 4).expect("too deep");
        assert_eq!(
            beyond.to_string(),
            "#/components/schemas/A/items/items/items/items/items"
        );
        let text =
            "a:\n  properties:\n    p:\n      properties:\n        q: {oneOf: [{type: string}]}\n";
        assert_eq!(
            schema_nesting_beyond(text, 2)
                .map(|p| p.to_string())
                .as_deref(),
            Some("#/a/properties/p/properties/q/oneOf/0")
        );
    }
}
