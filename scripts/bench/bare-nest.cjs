// The floor for `npm run bench:api`: a bare NestJS app on the same adapter (Express) that, for each
// hot read, checks the bearer token's signature and runs exactly the SQL statements Lava ran for that
// request (recorded by record-sql.cjs: text and values), on one pooled connection of a pool as large as
// Lava's, and answers the last statement's rows as JSON. No guards, pipes, entities or DTOs: what is
// left of Lava's time above this is Lava's own.
require('reflect-metadata');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Controller, Get, Headers, Module, Param, UnauthorizedException, NotFoundException } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const jwt = require('jsonwebtoken');
const pg = require('pg');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = process.env.JWT_SECRET;
const routes = JSON.parse(readFileSync(join(process.env.BENCH_RECORD_DIR, 'routes.json'), 'utf8'));
const statements = Object.fromEntries(
  routes.map((name) => [name, JSON.parse(readFileSync(join(process.env.BENCH_RECORD_DIR, `${name}.json`), 'utf8'))]),
);

class BareController {
  async read(name, authorization) {
    const recorded = statements[name];
    if (!recorded) throw new NotFoundException();
    try {
      jwt.verify(String(authorization ?? '').replace(/^Bearer /, ''), secret, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException();
    }
    const client = await pool.connect();
    try {
      let rows = [];
      for (const { text, values } of recorded) rows = (await client.query(text, values)).rows;
      return rows;
    } finally {
      client.release();
    }
  }
}
Controller('api/bare')(BareController);
Get(':name')(BareController.prototype, 'read', Object.getOwnPropertyDescriptor(BareController.prototype, 'read'));
Param('name')(BareController.prototype, 'read', 0);
Headers('authorization')(BareController.prototype, 'read', 1);

class BareModule {}
Module({ controllers: [BareController] })(BareModule);

NestFactory.create(BareModule, { logger: ['error'] })
  .then((app) => app.listen(Number(process.env.BARE_PORT), '127.0.0.1'))
  .then(() => console.log('bare app ready'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
