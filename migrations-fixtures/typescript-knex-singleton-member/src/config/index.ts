// Settings read once at start-up. `knex` here is the client configuration, not a connection.
export class Settings {
    knex: KnexSettings;

    constructor() {
        this.knex = { client: 'pg', pool: { min: 0, max: 10 } };
    }
}

interface KnexSettings {
    client: string;
    pool: { min: number; max: number };
}

const settings = new Settings();
export default settings;
