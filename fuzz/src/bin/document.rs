//! Fuzz target `document` (see src/lib.rs): `scripts/fuzz document`.
fn main() {
    afl::fuzz!(|data: &[u8]| mapline_fuzz::run("document", data));
}
