//! The last line of defence: a panic in wasm kills the module, so before it does,
//! show a readable message in place of the page (and mark `data-state="error"`).
//! Built with plain DOM calls because nothing reactive survives the panic.

use crate::i18n::{Lang, Msg};

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_message();
    }));
}

fn show_crash_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En);
    let _ = root.set_attribute("data-state", "error");
    let _ = root.set_attribute("aria-busy", "false");
    root.set_text_content(None);
    let Ok(message) = document.create_element("div") else {
        return;
    };
    let _ = message.set_attribute("role", "alert");
    let _ = message.set_attribute("class", "crash");
    if let Ok(text) = document.create_element("p") {
        text.set_text_content(Some(Msg::Crashed.text(lang)));
        let _ = message.append_child(&text);
    }
    // A plain link back to this address reloads without any script.
    if let (Ok(link), Ok(href)) = (
        document.create_element("a"),
        web_sys::window()
            .map(|w| w.location().href())
            .unwrap_or(Ok(String::new())),
    ) {
        let _ = link.set_attribute("href", &href);
        let _ = link.set_attribute("class", "button");
        link.set_text_content(Some(Msg::Reload.text(lang)));
        let _ = message.append_child(&link);
    }
    let _ = root.append_child(&message);
}
