//! `wjc schema`: the data file's JSON Schema, generated from the model by wjc-core's `schema`
//! feature (which the browser's build leaves out).

/// The schema, as pretty JSON with a final newline.
pub fn text() -> String {
    wjc_core::schema::text()
}
