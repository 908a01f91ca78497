// Desktop keyboard shortcuts: j/k move, Enter open, r reply, p private reply, e resolve, / search, ? help.
// Keys typed into text fields are left alone; the .NET side decides what each key does on the open page.
const keys = new Set(["j", "k", "Enter", "r", "p", "e", "/", "?"]);
let handler = null;

function typing(target) {
    if (!target || !(target instanceof Element)) return false;
    if (target.isContentEditable) return true;
    const tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

export function listen(dotnet) {
    stop();
    handler = (event) => {
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || !keys.has(event.key)) return;
        // Enter on a button or link keeps its own meaning.
        if (event.key === "Enter" && event.target instanceof Element && event.target.closest("button, a, [role=button]")) return;
        event.preventDefault();
        dotnet.invokeMethodAsync("OnShortcut", event.key);
    };
    document.addEventListener("keydown", handler);
}

export function stop() {
    if (handler) document.removeEventListener("keydown", handler);
    handler = null;
}

// Moves keyboard focus to an element (the composer after r / p).
export function focus(selector) {
    const element = document.querySelector(selector);
    if (element) element.focus();
}
