/**
 * The one style sheet, inlined in every page (the CSP allows this text by its hash, which the
 * build writes for src/serve/headers.ts, and no other style). Text is set at about 65–75
 * characters a line, colours meet WCAG 2.2 AA
 * contrast in both schemes (4.5:1 for text, 3:1 for the focus ring), and print drops the
 * navigation and uses the paper's own margins.
 */
export const PAGE_STYLE = `
:root{color-scheme:light dark;--fg:#1d1d1b;--bg:#fcfcfa;--muted:#5a5955;--link:#0b57d0;--visited:#6a3da8;--rule:#d8d6d0;--panel:#f1efe9;--focus:#b34700;--accent:#c2410c;--on-accent:#fff}
@media (prefers-color-scheme:dark){:root{--fg:#e9e7e2;--bg:#151514;--muted:#aaa69e;--link:#8ab4f8;--visited:#c8a8f7;--rule:#3b3a37;--panel:#22211f;--focus:#ffb86b;--accent:#ffb86b;--on-accent:#151514}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.6 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif;overflow-wrap:break-word}
header,main,footer{max-width:38rem;margin:0 auto;padding:1rem clamp(1rem,5vw,1.5rem)}
header{border-bottom:1px solid var(--rule);display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem}
main{padding-top:1.5rem;padding-bottom:2.5rem}
footer{border-top:1px solid var(--rule);color:var(--muted);font-size:.95rem}
h1,h2,h3,.site-title,.pager,.subscribe-button{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
h1{font-size:clamp(1.6rem,1.2rem + 2vw,2.2rem);line-height:1.2;margin:0 0 .75rem;text-wrap:balance}
h2{font-size:1.25rem;line-height:1.3;margin:0 0 .25rem}
main>h2{margin:2rem 0 .5rem}
p{margin:0 0 1rem}
a{color:var(--link);text-underline-offset:.15em}
a:visited{color:var(--visited)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:.5rem;top:-4rem;background:var(--bg);color:var(--link);padding:.5rem 1rem;z-index:1}
.skip:focus{top:.5rem}
.site-title{font-weight:700;font-size:1.05rem;text-decoration:none;color:var(--fg)}
.site-title:visited{color:var(--fg)}
time,.meta{color:var(--muted);font-size:.95rem}
.lede{font-size:1.15rem;color:var(--muted)}
.abstract{font-size:1.2rem;line-height:1.5;border-inline-start:4px solid var(--rule);margin:1.5rem 0;padding:.25rem 0;padding-inline-start:1rem}
.picture{display:block;max-width:100%;height:auto;margin:0 0 1.5rem}
.entries{list-style:none;padding:0;margin:0}
.entries li{margin:0 0 2rem}
.entries p{margin:.25rem 0 0}
.entries h2 a{color:var(--fg);text-decoration-thickness:1px;text-decoration-color:color-mix(in srgb,currentColor 40%,transparent)}
.entries h2 a:visited{color:var(--muted)}
.entries h2 a:hover{text-decoration-color:currentColor}
.pager{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;justify-content:space-between;align-items:baseline;border-top:1px solid var(--rule);padding-top:1rem;font-size:1rem}
.pager .meta{flex:1 1 auto;text-align:center}
.pager a{min-width:0;overflow-wrap:anywhere}
.feeds a{margin-inline-end:1rem;display:inline-block;padding:.25rem 0}
.subscribe-button{display:inline-flex;align-items:center;gap:.5em;max-width:100%;padding:.4rem 1rem;border-radius:999px;background:var(--accent);color:var(--on-accent);font-size:1rem;font-weight:600;line-height:1.3;text-decoration:none;overflow-wrap:anywhere;border:1px solid transparent}
.subscribe-button:visited{color:var(--on-accent)}
.subscribe-button:hover{text-decoration:underline}
.subscribe-button::before,.feed-link::before{content:"";display:inline-block;flex:none;width:1em;height:1em;background:radial-gradient(circle at .19em .81em,currentColor .13em,transparent .14em .37em,currentColor .38em .53em,transparent .54em .69em,currentColor .7em .85em,transparent .86em)}
.subscribe{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:0 0 2rem}
.follow{border-top:1px solid var(--rule);margin-top:2rem;padding-top:1rem}
.feed-link{display:inline-block;margin-inline-end:1rem;padding:.25rem 0}
.feed-link::before{color:var(--accent);vertical-align:-.125em;margin-inline-end:.35em}
.feed-list{list-style:none;padding:0;margin:0}
.feed-list li{margin:0 0 1.75rem}
.feed-list h3{font-size:1.1rem;line-height:1.3;margin:0 0 .5rem}
.feed-list p{margin:.5rem 0 0}
.feed-url{display:block;background:var(--panel);border:1px solid var(--rule);border-radius:4px;padding:.75rem 1rem;font:1rem/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;overflow-wrap:anywhere;user-select:all;-webkit-user-select:all}
.steps{padding-inline-start:1.5rem}
.topics{padding-inline-start:1.25rem}
.topics li{margin:.25rem 0}
.tags{border-top:1px solid var(--rule);margin-top:2rem}
.print-only{display:none}
@media print{
@page{margin:2cm}
:root{--fg:#000;--bg:#fff;--muted:#333;--link:#000;--visited:#000;--rule:#999;--panel:#fff;--accent:#fff;--on-accent:#000}
body{background:#fff;color:#000;font:11pt/1.45 Georgia,"Times New Roman",serif}
h1{font-size:20pt}
h2{font-size:13pt}
.abstract{font-size:12pt}
header,main,footer{max-width:none;padding:0;border:0}
header{margin-bottom:1.5rem}
.skip,.pager,.back,footer .feeds,.subscribe-button,.subscribe,.follow{display:none}
.print-only{display:block;font-size:9pt}
a,a:visited,time,.meta,.lede{color:#000}
a{text-decoration:none}
h1,h2{break-after:avoid}
.entries li,.abstract{break-inside:avoid}
p{orphans:3;widows:3}
}
`;
