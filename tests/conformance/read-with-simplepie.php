<?php
// Reads each feed URL given with SimplePie (Debian's libphp-simplepie), fetched over HTTP by
// SimplePie itself, and prints one JSON line per URL: its items with get_title() and
// get_description() as SimplePie returns them (HTML, sanitized, for a page to print as it is),
// and the text a browser shows for each. A URL SimplePie cannot read gives {"url","error"}.
// Usage: php read-with-simplepie.php URL...

// SimplePie 1.3.1 predates PHP 8: its own code raises deprecation notices that say nothing
// about the feed. Every other message goes to stderr, whatever php.ini says, and fails the check.
error_reporting(E_ALL & ~E_DEPRECATED);
ini_set('display_errors', 'stderr');
ini_set('log_errors', '0');
require '/usr/share/php/simplepie/autoloader.php';

/**
 * On PHP 8, SimplePie_Parse_Date of 1.3.1 throws a TypeError for every date, so get_items()
 * (which sorts by date) fails on every dated feed: its constructor calls implode() with the
 * argument order PHP 8 removed, and date_w3cdtf() divides the empty fraction of a W3C date
 * written in whole seconds. This is that class with both mended, as in later SimplePie.
 */
class MendedParseDate extends SimplePie_Parse_Date
{
    public function __construct()
    {
        $this->day_pcre = '(' . implode('|', array_keys($this->day)) . ')';
        $this->month_pcre = '(' . implode('|', array_keys($this->month)) . ')';
        foreach (get_class_methods($this) as $method) {
            if (strtolower(substr($method, 0, 5)) === 'date_') {
                $this->built_in[] = $method;
            }
        }
    }

    public static function get()
    {
        static $object;
        return $object ??= new self();
    }

    public function date_w3cdtf($date)
    {
        // A fraction of zero where none is written: the same instant, which 1.3.1 can divide.
        return parent::date_w3cdtf(preg_replace('/(T\d\d:\d\d:\d\d)(?=Z|[+-]\d)/i', '$1.0', $date));
    }
}

/** The text a browser shows for SimplePie's sanitized HTML: its tags dropped, references decoded. */
function shown(?string $html): ?string
{
    return $html === null ? null : html_entity_decode(strip_tags($html), ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

foreach (array_slice($argv, 1) as $url) {
    $feed = new SimplePie();
    $feed->get_registry()->register('Parse_Date', 'MendedParseDate');
    $feed->set_feed_url($url);
    $feed->enable_cache(false);
    $result = ['url' => $url, 'items' => []];
    if (!$feed->init()) {
        $result['error'] = (string) $feed->error();
    } else {
        foreach ($feed->get_items() as $item) {
            $date = $item->get_date('U');
            $result['items'][] = [
                'id' => $item->get_id(),
                'link' => $item->get_permalink(),
                'title' => $item->get_title(),
                'titleShown' => shown($item->get_title()),
                'description' => $item->get_description(),
                'descriptionShown' => shown($item->get_description()),
                'publishedMs' => $date === null ? null : (int) $date * 1000,
            ];
        }
    }
    echo json_encode($result, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
}
