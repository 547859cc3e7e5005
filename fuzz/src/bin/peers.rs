//! Fuzz target `peers` (see src/lib.rs): `scripts/fuzz peers`.
fn main() {
    afl::fuzz!(|data: &[u8]| mapline_fuzz::run("peers", data));
}
