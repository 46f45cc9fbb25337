/** Where every page says its icon is; served same-origin, so the CSP's img-src 'self' allows it. */
export const FAVICON_PATH = "/favicon.svg";

/**
 * The site icon: the feed symbol on a blue tile. SVG scales to every size a browser asks
 * for, and current browsers accept it from `<link rel="icon" type="image/svg+xml">`.
 */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#0b57d0"/>
<circle cx="9" cy="23" r="3" fill="#fff"/>
<path fill="#fff" d="M6 14a12 12 0 0 1 12 12h-3.5A8.5 8.5 0 0 0 6 17.5zM6 6a20 20 0 0 1 20 20h-3.5A16.5 16.5 0 0 0 6 9.5z"/>
</svg>
`;
