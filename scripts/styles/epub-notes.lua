-- The EPUB's notes (scripts/hooks/typeset.py). Each note stands at its marker as a
-- <span class="footnote" data-number="6"> (scripts/hooks/book.py); this filter makes the marker a
-- note reference with the article's own number and moves the note's text into an EPUB footnote,
-- an <aside>, at the end of the chapter that cites it, where e-readers find it to pop it up.
-- (Pandoc's own notes would be numbered anew from 1 in every chapter.)

local function reference(number)
  -- A list of pairs, not a table by name, whose order Lua does not keep from run to run.
  local attributes = {{"epub:type", "noteref"}, {"role", "doc-noteref"}}
  return pandoc.Link(pandoc.Superscript(pandoc.Str(number)), "#note-" .. number, "",
                     pandoc.Attr("note-ref-" .. number, {}, attributes))
end

local function footnote(number, content)
  return {
    pandoc.RawBlock("html", '<aside id="note-' .. number .. '" epub:type="footnote" role="doc-footnote">'),
    pandoc.Para({pandoc.Str(number .. "."), pandoc.Space(), table.unpack(content)}),
    pandoc.RawBlock("html", "</aside>"),
  }
end

function Pandoc(doc)
  local blocks, notes = pandoc.List(), pandoc.List()
  local function end_chapter()
    for _, note in ipairs(notes) do
      blocks:extend(footnote(note.number, note.content))
    end
    notes = pandoc.List()
  end
  local filter = {
    Span = function(span)
      if span.classes:includes("footnote") then
        notes:insert({number = span.attributes.number, content = span.content})
        return reference(span.attributes.number)
      end
    end,
  }
  for _, block in ipairs(doc.blocks) do
    if block.t == "Header" and block.level <= 2 then  -- a new chapter (--split-level=2)
      end_chapter()
    end
    blocks:insert(pandoc.walk_block(block, filter))
  end
  end_chapter()
  return pandoc.Pandoc(blocks, doc.meta)
end
