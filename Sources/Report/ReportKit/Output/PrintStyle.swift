/// The print style sheet of `paper.html` and `supplement.html`, which weasyprint uses to
/// typeset the PDFs: A4 pages with the page number in the footer, the table of contents
/// with page references (`target-counter`), tables that wrap instead of scrolling (the
/// screen style's scroll box would clip their right columns; cells break between words,
/// the last column — values, JSON — anywhere, so the other columns keep their words
/// whole), figures at the column width, long hashes and code that wrap, and the collapsed provenance blocks left out
/// (the supplement's provenance appendix lists the same facts).
public enum PrintStyle {
    /// The CSS, all inside `@page` and `@media print`.
    public static let styleSheet = """
        @page { size: A4; margin: 15mm 15mm 17mm;
          @bottom-center { content: counter(page) " / " counter(pages); font: 9pt "DejaVu Sans", sans-serif; color: #555; } }
        @media print {
          body { font-size: 10pt; line-height: 1.4; }
          main { max-width: none; margin: 0; padding: 0; }
          h1 { font-size: 16pt; } h2 { font-size: 13pt; break-after: avoid; } h3 { font-size: 11pt; break-after: avoid; }
          a { color: inherit; text-decoration: none; }
          img { width: 100%; max-width: 100%; break-inside: avoid; margin: 0.6rem auto 0.3rem; }
          table { display: table; overflow: visible; width: 100%; table-layout: auto; font-size: 7.5pt; break-inside: auto; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          th, td { padding: 0.15rem 0.3rem; overflow-wrap: break-word; hyphens: manual; }
          td:last-child { overflow-wrap: anywhere; }
          td code { overflow-wrap: inherit; }
          code { overflow-wrap: anywhere; font-size: 0.8em; }
          .value.computed, .value.quoted, .value.parameter { border-bottom: none; }
          details.provenance { display: none; }
          details.stage-record pre { max-height: none; overflow: visible; font-size: 6.5pt; }
          h2#sec-contents + ul { list-style: none; padding-left: 0; }
          h2#sec-contents + ul ul { list-style: none; padding-left: 1.2em; }
          h2#sec-contents + ul a::after { content: leader('.') target-counter(attr(href url), page); }
        }
        """
}
