import type { Asset } from "../assets.ts";

/**
 * The staff pages' one stylesheet (layout, content admin, small utilities that replace inline
 * `style` attributes: the staff CSP allows no inline style), served by the staff Worker.
 */

/** Where the staff Worker serves its files (worker/assets.ts); forwarded with /admin. */
export const STAFF_ASSETS = "/admin/assets";

const css = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f1ea;color:#1d1d1b}
header{background:#1f4e79;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header a{color:#fff}header .who{margin-inline-start:auto;font-size:.9rem}
main{max-width:52rem;margin:0 auto;padding:1rem}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.6rem}
.card{background:#fff;border:1px solid #ddd;border-radius:.6rem;padding:.8rem;margin:.6rem 0}
.alert-open{border-inline-start:6px solid #b3261e}.muted{color:#555;font-size:.9rem}
label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input,select,textarea{font:inherit;padding:.55rem;border:1px solid #888;border-radius:.4rem;width:100%;max-width:26rem}
button{font:inherit;padding:.55rem 1rem;border:0;border-radius:.5rem;background:#1f4e79;color:#fff;min-height:44px;cursor:pointer}
button.secondary{background:#fff;color:#1f4e79;border:1px solid #1f4e79}
form.inline{display:inline}
.error{color:#b3261e;font-weight:600}.ok{color:#1b5e20;font-weight:600}
.code{font:700 1.6rem/1.2 ui-monospace,monospace;letter-spacing:.15em}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}td,th{text-align:start;padding:.35rem;border-bottom:1px solid #ddd;vertical-align:top}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
/* content admin */
.tabs{display:flex;flex-wrap:wrap;gap:.3rem .8rem;margin:.4rem 0 1rem}.tabs a[aria-current]{font-weight:700;text-decoration:none}
.badge{display:inline-block;font-size:.75rem;padding:.05rem .4rem;border-radius:.3rem;margin:.05rem;border:1px solid #999}
.b-complete{background:#e3f1e4;border-color:#1b5e20}.b-missing{background:#fde2e0;border-color:#b3261e}.b-outdated{background:#fff2cc;border-color:#8a6d00}
.diff{font:.85rem/1.35 ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere;margin:.2rem 0}
.add{background:#e3f1e4}.del{background:#fde2e0;text-decoration:line-through}
.field-error{color:#b3261e;font-weight:600;margin:.2rem 0}
.ref{background:#f4f1ea;border-inline-start:4px solid #1f4e79;padding:.3rem .5rem;margin:.2rem 0;white-space:pre-wrap;font-size:.9rem}
textarea{max-width:100%;min-height:6rem}input.wide{max-width:100%}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.8rem 0}
.table-wrap{overflow-x:auto}
.preview-bot{white-space:pre-wrap;border-bottom:1px solid #eee;padding-bottom:.4rem}
meter.bar{width:100%;height:1rem}
/* utilities (no inline style attributes) */
.tight{margin:0}.flush-top{margin-top:0}.gap-end{margin-inline-end:.8rem}
select.auto,input.auto,input[type=checkbox]{width:auto}input.w7{width:7rem}input.w8{width:8rem}
.grow{flex:1;min-width:16rem}.row-wrap{display:flex;flex-wrap:wrap;gap:.6rem}
textarea.code-area{min-height:16rem;font-family:ui-monospace,monospace;font-size:.85rem}
caption.start{text-align:start}th.half{width:50%}
body.plain{margin:2rem}
fieldset{border:1px solid #ccc;border-radius:.5rem;margin:.8rem 0;padding:.4rem .8rem}legend{font-weight:600}.source-row{align-items:flex-start}
button.default-submit{position:absolute;inset-inline-start:-9999px;width:1px;height:1px;overflow:hidden}
@media (min-width:75rem){main:has(.editor-grid){max-width:84rem}.editor-grid{display:grid;grid-template-columns:minmax(0,1fr) 26rem;gap:1rem;align-items:start}.editor-grid>aside{position:sticky;top:.5rem}}
@media (min-width:60rem){.pair{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;align-items:start}.pair .ref{margin:0}}
mark{background:#fff2cc;color:inherit;outline:1px solid #8a6d00}
.bubble{background:#fff;border:1px solid #ddd;border-radius:.8rem;padding:.4rem .6rem;margin:.3rem 0}
.spec{display:flex;flex-wrap:wrap;gap:0 .6rem;align-items:flex-start}.spec select{max-width:100%}
label.check{display:flex;gap:.4rem;align-items:center;font-weight:400;margin:.3rem 0}
.sample ol{padding-inline-start:1.2rem}.sample li{margin:.25rem 0}
.list-field li{margin:.3rem 0}.inline-actions{display:inline-flex;flex-wrap:wrap;gap:.3rem}button.small{padding:.3rem .6rem;font-size:.9rem}
/* phones (360 px): no sideways scrolling; a table.stack becomes one card per row, each cell named by its column */
td,.card,p,dd{overflow-wrap:anywhere}
nav{display:flex;flex-wrap:wrap;gap:.2rem .6rem}header .who{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem}
@media (max-width:40rem){
main{padding:.6rem}
table.stack,table.stack tbody,table.stack tr,table.stack td,table.stack th[scope=row]{display:block;width:100%}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
table.stack tr{background:#fff;border:1px solid #ddd;border-radius:.6rem;margin:.6rem 0;padding:.4rem .6rem}
table.stack td,table.stack th[scope=row]{border:0;padding:.25rem 0}
table.stack td[data-label]::before{content:attr(data-label) " : ";font-weight:600}
header .who{margin-inline-start:0}
}
`;

export const staffStyle: Asset = { name: "staff", ext: "css", body: css };
