import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { sql, StandardSQL } from "@codemirror/lang-sql";
import {
  defaultHighlightStyle,
  syntaxHighlighting,
} from "@codemirror/language";
import { autocompletion } from "@codemirror/autocomplete";
import { Compartment, EditorSelection, EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { EVENT_COLUMN_NAMES } from "./events-table";

interface SqlEditorProps {
  value: string;
  label: string;
  onChange: (value: string) => void;
  onRun: () => void;
  /** Put the cursor here (an error's position) and focus the editor. */
  focusOffset?: number | undefined;
}

const contentAttributes = (label: string) =>
  EditorView.contentAttributes.of({
    "aria-label": label,
    "aria-multiline": "true",
    role: "textbox",
  });

/** The SQL editor: highlighting, column-name completion, Ctrl/Cmd+Enter runs. */
export function SqlEditor({
  value,
  label,
  onChange,
  onRun,
  focusOffset,
}: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  // The accessible name follows the language (a compartment swaps it in place).
  const labelling = useRef(new Compartment());
  // What the editor itself reported and React has not yet handed back: those
  // values are echoes, not outside changes. Without this, a render carrying
  // an older echo (typing outran React) would overwrite newer text.
  const echoes = useRef<string[]>([]);
  const callbacks = useRef({ onChange, onRun });
  useEffect(() => {
    callbacks.current = { onChange, onRun };
  });

  useEffect(() => {
    // In a shadow root CodeMirror's styles go in a constructed style sheet
    // (adoptedStyleSheets), which the CSP (style-src 'self') allows; in the
    // document it would add inline <style> elements, which it refuses.
    const shadow =
      host.current!.shadowRoot ?? host.current!.attachShadow({ mode: "open" });
    const parent = document.createElement("div");
    shadow.replaceChildren(parent);
    const editor = new EditorView({
      parent,
      root: shadow,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          keymap.of([
            {
              key: "Mod-Enter",
              run: () => {
                callbacks.current.onRun();
                return true;
              },
            },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          sql({
            dialect: StandardSQL,
            schema: { events: [...EVENT_COLUMN_NAMES] },
            defaultTable: "events",
          }),
          autocompletion(),
          syntaxHighlighting(defaultHighlightStyle),
          EditorView.lineWrapping,
          labelling.current.of(contentAttributes(label)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const text = update.state.doc.toString();
            echoes.current.push(text);
            callbacks.current.onChange(text);
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once; outside changes arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const echo = echoes.current.indexOf(value);
    if (echo >= 0) {
      echoes.current.splice(0, echo + 1);
      return;
    }
    echoes.current = [];
    if (editor.state.doc.toString() === value) return;
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: value },
    });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: labelling.current.reconfigure(contentAttributes(label)),
    });
  }, [label]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || focusOffset === undefined) return;
    const at = Math.min(focusOffset, editor.state.doc.length);
    editor.dispatch({
      selection: EditorSelection.cursor(at),
      scrollIntoView: true,
    });
    editor.focus();
  }, [focusOffset]);

  return <div ref={host} className="sql-editor" />;
}
