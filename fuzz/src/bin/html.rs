//! Fuzz target `html` (see src/lib.rs): `scripts/fuzz html`.
fn main() {
    afl::fuzz!(|data: &[u8]| mapline_fuzz::run("html", data));
}
