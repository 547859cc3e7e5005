//! Fuzz target `markdown` (see src/lib.rs): `scripts/fuzz markdown`.
fn main() {
    afl::fuzz!(|data: &[u8]| mapline_fuzz::run("markdown", data));
}
