// Small helpers over the DOM, so the page modules read as what they show.

/**
 * Makes an element: el('li', {class: 'code', data: {code: 'W-B01'}}, 'text', child).
 * Attributes are set one by one (never as markup), so nothing a server sends is parsed as HTML.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'data') {
      Object.assign(element.dataset, value);
    } else if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/** The element of a page that shows `name`: its `[data-field]`. */
export function field(root, name) {
  const element = root.querySelector(`[data-field="${name}"]`);
  if (!element) {
    throw new Error(`no [data-field="${name}"] in #${root.id}`);
  }
  return element;
}

/** Sets the text of a page's field, touching the DOM only when it changes (snapshots come 4 a second). */
export function setField(root, name, text) {
  const element = field(root, name);
  if (element.textContent !== text) {
    element.textContent = text;
  }
  return element;
}

const renderedLists = new WeakMap();

/**
 * Fills `container` with one element per item, but only when the items differ from what it shows, so a list that
 * does not change is not rebuilt on every snapshot.
 */
export function renderList(container, items, makeElement) {
  const key = JSON.stringify(items);
  if (renderedLists.get(container) === key) {
    return;
  }
  renderedLists.set(container, key);
  container.replaceChildren(...items.map(makeElement));
}

/** Shows a message in an element that is hidden while there is none. */
export function showMessage(element, text) {
  element.textContent = text ?? '';
  element.hidden = !text;
}

/** A label/value row as the cards show them. */
export function row(label, value, attributes = {}) {
  return el('div', {class: 'row', ...attributes},
    el('span', {class: 'label'}, label),
    value instanceof Node ? value : el('span', {class: 'value'}, value));
}

/**
 * An on/off switch: a checkbox the style sheet draws as a switch (the box itself, so a click on what is seen is a
 * click on the input), with its state written beside it.
 */
export function switchControl(attributes, labelText) {
  const input = el('input', {type: 'checkbox', role: 'switch', 'aria-label': labelText, ...attributes});
  const text = el('span', {class: 'switch-text'});
  const label = el('label', {class: 'switch'}, text, input);
  return {label, input, text};
}
