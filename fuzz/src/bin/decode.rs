//! Fuzz target `decode` (see src/lib.rs): `scripts/fuzz decode`.
fn main() {
    afl::fuzz!(|data: &[u8]| mapline_fuzz::run("decode", data));
}
