/** The report's one stylesheet: inline, admitted by its hash in the Content-Security-Policy (html.ts). */
export const CSS = `
:root { color-scheme: light; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; font-size: 11pt; color: #1b1b1b; }
body { margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 .6rem; border-bottom: 2px solid #0f6cbd; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: .95rem; margin: .8rem 0 .3rem; }
ol { margin: .2rem 0; padding-left: 1.4rem; }
.meta, .hint { color: #555; font-size: .9rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.2rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f0f0f0; }
.status-done, .ok { color: #0e700e; font-weight: 600; }
.status-attention, .failed { color: #b10e1c; font-weight: 600; }
.status-open { color: #555; }
ul.earlier { margin: .2rem 0 0; padding-left: 1.1rem; color: #555; font-size: .85rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .8rem; background: #f7f7f7; border: 1px solid #ddd; padding: .6rem; }
.client { color: #0f4a85; }
.note { color: #666; font-style: italic; }
tr.part td:nth-child(-n+2) { padding-left: 1.4rem; color: #333; }
footer { margin-top: 2rem; font-size: .85rem; color: #555; border-top: 1px solid #ddd; padding-top: .5rem; }
@page { margin: 15mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr, dl { break-inside: avoid; } pre { break-inside: auto; } }
`;
