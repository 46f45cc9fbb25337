// Reads each feed URL given with gofeed (github.com/mmcdole/gofeed, Debian's
// golang-github-mmcdole-gofeed-dev), fetched over HTTP by gofeed itself, and prints one JSON
// line per URL: its items as gofeed returns them, and each item's description as a browser
// shows it once a reader puts it into a page. Built by read-with-gofeed.ts in GOPATH mode, so
// it needs nothing but Debian's Go packages. A URL gofeed cannot read gives {"url","error"}.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

type item struct {
	GUID        string `json:"guid"`
	Link        string `json:"link"`
	Title       string `json:"title"`
	Description string `json:"description"`
	// DescriptionShown is Description parsed as HTML, as a browser does, and its visible text.
	DescriptionShown string `json:"descriptionShown"`
	PublishedMs      *int64 `json:"publishedMs"`
}

type result struct {
	URL      string `json:"url"`
	FeedType string `json:"feedType,omitempty"`
	Items    []item `json:"items"`
	Error    string `json:"error,omitempty"`
}

func main() {
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	parser := gofeed.NewParser()
	for _, url := range os.Args[1:] {
		res := result{URL: url, Items: []item{}}
		feed, err := parser.ParseURL(url)
		if err != nil {
			res.Error = err.Error()
		} else {
			res.FeedType = feed.FeedType
			for _, it := range feed.Items {
				shown, err := visibleText(it.Description)
				if err != nil {
					shown = fmt.Sprintf("[unparsable HTML: %v]", err)
				}
				res.Items = append(res.Items, item{
					GUID:             it.GUID,
					Link:             it.Link,
					Title:            it.Title,
					Description:      it.Description,
					DescriptionShown: shown,
					PublishedMs:      millis(it.PublishedParsed),
				})
			}
		}
		if err := out.Encode(res); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func millis(t *time.Time) *int64 {
	if t == nil {
		return nil
	}
	ms := t.UnixMilli()
	return &ms
}

// Elements whose content a browser never displays.
var hidden = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Template: true}

// visibleText parses s as the body of a page (HTML5 parsing, as browsers do: references
// decoded, tags turned into elements) and joins its text nodes. White space is kept as written:
// the comparison is about the characters, not how a page lays them out.
func visibleText(s string) (string, error) {
	context := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), context)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && hidden[n.DataAtom]:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String(), nil
}
