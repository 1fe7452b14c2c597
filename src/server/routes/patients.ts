// SPDX-License-Identifier: MIT
/** Patient routes: covariates plus imported lab values. */
import { z } from 'zod';
import { notFound } from '../errors.js';
import { labValues } from '../labs.js';
import {
  errorSchema,
  idParams,
  pageQuery,
  patientCreateBody,
  patientListResponse,
  patientRecordSchema,
} from '../schemas.js';
import type { RouteContext, ZodApp } from './context.js';

const TAGS = ['patients'];

/** Registers `POST /patients`, `GET /patients`, `GET /patients/{id}`, `DELETE /patients/{id}`. */
export function registerPatientRoutes(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/patients',
    {
      schema: {
        tags: TAGS,
        operationId: 'createPatient',
        summary:
          'Store a patient (scenario `patient` block) with imported labs (analytes, units and dates checked)',
        body: patientCreateBody,
        response: { 201: patientRecordSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { name, patient, labs } = request.body;
      labValues(labs); // unknown analytes, units and dates are a 400 now, not at fit time; nothing is stored then
      const record = await ctx.store.patients.create({ name, covariates: patient, labs });
      return reply.code(201).send(record);
    },
  );

  app.get(
    '/patients',
    {
      schema: {
        tags: TAGS,
        operationId: 'listPatients',
        summary: 'Patients with their labs, newest first',
        querystring: pageQuery,
        response: { 200: patientListResponse },
      },
    },
    async (request) => ({ patients: await ctx.store.patients.list(request.query) }),
  );

  app.get(
    '/patients/:id',
    {
      schema: {
        tags: TAGS,
        operationId: 'getPatient',
        summary: 'One patient with labs',
        params: idParams,
        response: { 200: patientRecordSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const record = await ctx.store.patients.get(request.params.id);
      if (!record) throw notFound('patient', request.params.id);
      return record;
    },
  );

  app.delete(
    '/patients/:id',
    {
      schema: {
        operationId: 'deletePatient',
        tags: TAGS,
        summary: 'Delete a patient with its labs',
        params: idParams,
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      if (!(await ctx.store.patients.delete(request.params.id))) throw notFound('patient', request.params.id);
      return reply.code(204).send(null);
    },
  );
}
