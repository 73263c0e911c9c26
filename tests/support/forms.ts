/**
 * What a browser would submit from a server-rendered form, read with workerd's HTMLRewriter:
 * text inputs and hidden fields with their value, checked checkboxes, each select's selected
 * option, textareas' text; repeated names joined with commas (as the staff routes read them).
 * Submit buttons are left out (a test adds the one it presses).
 */

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export async function formFields(html: string, action: string): Promise<Record<string, string>> {
  const fields: [string, string][] = [];
  const form = `form[action="${action}"]`;
  let select: { name: string; value: string | null; first: string | null } | null = null;
  let textarea: { name: string; text: string } | null = null;
  const flushSelect = () => {
    if (select) fields.push([select.name, select.value ?? select.first ?? ""]);
    select = null;
  };
  await new HTMLRewriter()
    .on(`${form} input`, {
      element(el) {
        const name = el.getAttribute("name");
        const type = el.getAttribute("type") ?? "text";
        if (!name || type === "submit" || type === "file") return;
        if (type === "checkbox" || type === "radio") {
          if (el.hasAttribute("checked")) fields.push([name, decode(el.getAttribute("value") ?? "on")]);
        } else fields.push([name, decode(el.getAttribute("value") ?? "")]);
      },
    })
    .on(`${form} select`, {
      element(el) {
        flushSelect();
        select = { name: el.getAttribute("name") ?? "", value: null, first: null };
        el.onEndTag(flushSelect);
      },
    })
    .on(`${form} option`, {
      element(el) {
        if (!select) return;
        const value = decode(el.getAttribute("value") ?? "");
        select.first ??= value;
        if (el.hasAttribute("selected")) select.value = value;
      },
    })
    .on(`${form} textarea`, {
      element(el) {
        const current = { name: el.getAttribute("name") ?? "", text: "" };
        textarea = current;
        el.onEndTag(() => {
          fields.push([current.name, decode(current.text)]);
          textarea = null;
        });
      },
      text(chunk) {
        if (textarea) textarea.text += chunk.text;
      },
    })
    .transform(new Response(html))
    .text();
  const out: Record<string, string> = {};
  for (const [name, value] of fields) out[name] = name in out ? `${out[name]},${value}` : value;
  return out;
}
