import { KeyboardEvent, ReactNode, useEffect, useId, useState } from 'react';
import { Field, FieldBase } from './fields';

/**
 * A text box with a list of matches (the WAI-ARIA combobox pattern, list autocomplete): the input has
 * role="combobox" and points at the highlighted option with aria-activedescendant, so focus stays in
 * the input. ↓/↑ move through the matches (wrapping), Enter picks, Esc closes the list (or clears the
 * text when it is closed); a click or tap picks too. What matches is the caller's business.
 */
export function Combobox<T>(
  p: FieldBase & {
    /** The text in the box: what is typed, or the picked item's text. */
    text: string;
    onTextChange: (text: string) => void;
    /** The matches shown (null before the first answer). */
    options: T[] | null;
    optionKey: (o: T) => string;
    renderOption: (o: T) => ReactNode;
    onSelect: (o: T) => void;
    /** The line under the matches: searching, how many, nothing found (announced politely). */
    status?: ReactNode;
    /** Told when the list opens, so that the matches can be loaded then. */
    onOpen?: () => void;
    placeholder?: string;
  },
) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const options = p.options ?? [];
  const optionId = (i: number) => `${listId}-option-${i}`;

  // New matches: nothing highlighted until the user moves.
  useEffect(() => setActive(-1), [p.options]);
  useEffect(() => {
    if (open && active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [open, active]);

  const show = () => {
    if (!open) p.onOpen?.();
    setOpen(true);
  };
  const pick = (o: T) => {
    p.onSelect(o);
    setOpen(false);
  };
  const move = (step: 1 | -1) => {
    if (!open) return show();
    if (!options.length) return;
    setActive((a) => (a < 0 ? (step === 1 ? 0 : options.length - 1) : (a + step + options.length) % options.length));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && open) {
      // An open list takes the Enter: it picks, and never submits the form half-chosen.
      e.preventDefault();
      if (active >= 0 && options[active]) pick(options[active]);
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
      } else if (p.text) p.onTextChange('');
    }
  };

  return (
    <Field
      {...p}
      control={(a) => (
        <div className="combobox">
          <input
            {...a}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder={p.placeholder}
            required={p.required}
            value={p.text}
            onChange={(e) => {
              p.onTextChange(e.target.value);
              show();
            }}
            onClick={show}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <div className="combobox-popup" hidden={!open}>
            <ul role="listbox" id={listId} aria-label={p.label}>
              {options.map((o, i) => (
                <li
                  key={p.optionKey(o)}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'combobox-option active' : 'combobox-option'}
                  // The input keeps the focus (and the list stays open) until the click picks.
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => i !== active && setActive(i)}
                  onClick={() => pick(o)}
                >
                  {p.renderOption(o)}
                </li>
              ))}
            </ul>
            {p.status && (
              <p className="combobox-status" role="status">
                {p.status}
              </p>
            )}
          </div>
        </div>
      )}
    />
  );
}
