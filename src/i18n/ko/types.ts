// A Korean table must give every key of its English one, except the `_one` plural forms: Korean
// counts have a single form, so `key_other` serves every number.
export type KoTable<E> = { [K in keyof E as K extends `${string}_one` ? never : K]: string };
