/**
 * Phone numbers and web links in a text a young person reads, cut out as segments so a page can
 * show them as `tel:` and real links while every other character stays plain text (the text is
 * content or user text: it is never parsed as HTML).
 *
 * Self-contained on purpose (no import, no outer constant, no named inner function): the web
 * chat's browser script embeds this very function's source (worker/pages/chat-script.ts), so the
 * page and the tests cut texts the same way.
 *
 * Which numbers: French numbers written in full (`02 28 21 44 40`, `0 800 235 236`, `+33 …`);
 * the national short numbers of the content (3114, 119, 115, 112, 114, 3919, 3018, 3020,
 * 116 000, 116 117, 196, 191) anywhere but before a price or a percentage; and 15, 17, 18 only
 * when they are plainly a number to call (beside a "call" word or in a group like `15/17/18/112`)
 * and not an age or a time ("à 17 ans", "after 18", "17 کلنۍ", "18 h").
 */
export function linkSegments(text: string): { text: string; href?: string }[] {
  const found =
    /(https?:\/\/[^\s<>"'«»]+)|((?:\+33[\s.]?|(?<![\p{L}\p{N}+])0[\s.]?)(?:[1-9](?:[\s.]?\d{2}){4}|[89]\d{2}[\s.]?\d{3}[\s.]?\d{3})(?!\p{N}))|((?<![\p{L}\p{N}]|\p{N}[.,])(?:116[\s]?000|116[\s]?117|3114|3919|3018|3020|112|114|115|119|196|191)(?![\p{L}\p{N}])(?!\s?(?:€|%|euros?\b)))|((?<![\p{L}\p{N}.,]|\p{N}\s|(?:0?[1-9]|[12]\d|3[01])\/(?:0?[1-9]|1[0-2])\/)(?:15|17|18)(?![\p{L}\p{N}]|[.,]\p{N}|\/(?:0?[1-9]|1[0-2])(?!\p{N})))/gu;
  const callWord =
    /appel|\b(?:call|dial|ring|phone)|téléphon|numéro|\bnumber|اتص|رقم|زنګ|زنگ|شمېر|شماره|\/\s*$|^\s*\//iu;
  const ageAfter =
    /^\s*(?:(?:ou|or|et|and|à|au|to|-|–|و|او|تر|تا|إلى)\s*\d+\s*)?(?:ans?\b|years?|yrs?|h\b|heures?|hours?|mois|months?|jours?|days?|سن|سال|کلن|ماه|میاشت|ساعت|ورځ|روز|يوم)/iu;
  const out: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(found)) {
    let value = match[0];
    let href: string | undefined;
    if (match[1]) {
      // A sentence's closing punctuation is not part of its link.
      value = value.replace(/[.,;:!?)\]]+$/u, "");
      href = value;
    } else if (match[4]) {
      const start = match.index;
      const before = text.slice(Math.max(0, text.lastIndexOf("\n", start) + 1, start - 30), start);
      const after = text.slice(start + value.length, start + value.length + 25).split(/[.!?؟۔\n]/u)[0] ?? "";
      const clauseBefore = before.split(/[.!?؟۔]\s/u).pop() ?? "";
      if (ageAfter.test(after) || !(callWord.test(clauseBefore) || callWord.test(after))) continue;
      href = `tel:${value}`;
    } else {
      const digits = value.replace(/[^\d+]/gu, "");
      href = `tel:${digits.startsWith("+") ? digits : digits.length === 10 ? `+33${digits.slice(1)}` : digits}`;
    }
    if (match.index > last) out.push({ text: text.slice(last, match.index) });
    out.push({ text: value, href });
    last = match.index + value.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
