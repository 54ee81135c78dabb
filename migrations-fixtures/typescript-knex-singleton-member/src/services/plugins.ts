// Plugins register lookups by name; `knex` is one such lookup, not a Knex instance.
import settings from '../config';

const registry = {
    knex: (name: string) => ({ where: (filter: object) => ({ name, filter }) }),
};

export function lookup() {
    return registry.knex('items').where({ ghost: 1 });
}

export function poolSize() {
    return settings.knex.select('pool').from('ghost_settings');
}
