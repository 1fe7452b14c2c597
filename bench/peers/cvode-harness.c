// SPDX-License-Identifier: MIT
/*
 * CVODE peer for the endotwin benchmarks: integrates a model emitted by `emitC` (src/engine/emit-c.ts) with
 * SUNDIALS CVODE (6.x), applying the same timed events and sampling the same outputs on the same grid as
 * endotwin's integrate(), so that time and accuracy can be compared on one problem.
 *
 * Build (bench/lib/cvode.ts does this):
 *   gcc -O2 -std=c99 -DMODEL_FILE='"model.c"' cvode-harness.c -o harness \
 *       -lsundials_cvode -lsundials_nvecserial -lsundials_sunlinsoldense -lsundials_sunmatrixdense \
 *       -lsundials_sunnonlinsolfixedpoint -lm
 * (or `-include model.c` instead of -DMODEL_FILE).
 *
 * Run:  harness SPEC EVENTS [SAMPLES_OUT]
 *   SPEC    text, one `key value` per line (`#` starts a comment):
 *             t0, t1        start and end of the run (minutes)
 *             dt            sample interval (minutes); samples at t0 + k*dt (k = 0, 1, ...) while <= t1
 *             rtol, atol    scalar tolerances
 *             atol_state I V   absolute tolerance of state I (the others keep atol): CVodeSVtolerances
 *             method        ADAMS or BDF
 *             nls           FIXEDPOINT or NEWTON (nonlinear solver of ADAMS; BDF always uses NEWTON)
 *             max_steps     step budget per CVode call (default 1000000)
 *             max_step      largest step (minutes, 0 = no limit; default 0)
 *             warmup        untimed runs before the timed ones (default 1)
 *             min_reps      least number of timed runs (default 5)
 *             min_seconds   keep repeating until the timed runs add up to this (default 1)
 *             max_reps      most timed runs (default 50)
 *             sample_at_event  BEFORE or AFTER: whether a sample that falls exactly on an event time sees the
 *                           state before or after the event (default AFTER)
 *             reuse_step    1: after each restart, start from the last step size (CVodeSetInitStep) instead of
 *                           CVODE's own initial-step estimate (default 0; it did not reduce steps on the bench)
 *             param I V / state I V / input I V   override parameter, initial state or initial input I
 *   EVENTS  text, one event per line: `t target index op value`, target 0 = state, 1 = input; op 0 = set, 1 = add,
 *           2 = mul; sorted by t (events with equal t are applied in file order). Events before t0 or after t1
 *           are rejected.
 *   SAMPLES_OUT  optional: binary little-endian doubles, for each sample `t, out[0..ET_N_OUTPUTS-1]`, of the last
 *           timed run.
 *
 * Prints one JSON object on stdout: the median and all timed run times (ms, CLOCK_MONOTONIC around the
 * integration only: solver creation, stepping, events, sampling into memory and the checksum; not parsing or file
 * I/O), the median CPU time of the process over the same runs (cpu_ms), CVODE's counters summed over all
 * restarts of one run, the number of samples and a checksum (sum of every sampled output).
 *
 * Solver set-up, chosen after trying the alternatives on the bench problems:
 *   BDF:   CVodeCreate(CV_BDF), Newton iteration with the dense direct linear solver (SUNLinSol_Dense on a
 *          SUNDenseMatrix) and CVODE's internal difference-quotient Jacobian (emitC does not emit a Jacobian).
 *   ADAMS: CVodeCreate(CV_ADAMS) with the fixed-point (functional) iteration SUNNonlinSol_FixedPoint, no Anderson
 *          acceleration: the classic choice for non-stiff problems, no Jacobian or linear algebra at all.
 *          `nls NEWTON` switches Adams to Newton + dense linear solver for comparison.
 * After every event CVODE is restarted with CVodeReInit at the event time (the right-hand side or the state jumps,
 * so the multistep history is invalid), and CVodeSetStopTime keeps every step from stepping over the next event.
 * Samples come from CVode(..., CV_NORMAL), i.e. CVODE's own interpolation inside the last step.
 */
#define _POSIX_C_SOURCE 199309L

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sundials/sundials_types.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunnonlinsol/sunnonlinsol_fixedpoint.h>

#ifdef MODEL_FILE
#include MODEL_FILE
#endif

#ifndef ET_N_STATES
#error "no model: compile with -DMODEL_FILE='\"model.c\"' or -include model.c (a file emitted by emitC)"
#endif

/* Array sizes that stay legal when a count is zero. */
#define ET_SIZE(n) ((n) > 0 ? (n) : 1)

enum { TARGET_STATE = 0, TARGET_INPUT = 1 };
enum { OP_SET = 0, OP_ADD = 1, OP_MUL = 2 };

typedef struct {
  double t;
  int target;
  int index;
  int op;
  double value;
} Event;

typedef struct {
  double t0, t1, dt, rtol, atol, max_step;
  int bdf;            /* 1: BDF + Newton/dense; 0: Adams */
  int adams_newton;   /* Adams with Newton/dense instead of fixed point */
  long max_steps;
  int warmup, min_reps, max_reps;
  double min_seconds;
  int sample_after_event;
  int reuse_step;     /* after a restart, start from the last step size instead of CVODE's own estimate */
  int per_state_atol; /* 1 once an atol_state line was read: atolv holds one tolerance per state */
  double atolv[ET_SIZE(ET_N_STATES)];
  double params[ET_SIZE(ET_N_PARAMS)];
  double y0[ET_SIZE(ET_N_STATES)];
  double u0[ET_SIZE(ET_N_INPUTS)];
} Spec;

typedef struct {
  const double *p;
  double u[ET_SIZE(ET_N_INPUTS)];
} UserData;

typedef struct {
  long steps, rhs_evals, rhs_evals_jac, jac_evals, lin_setups, nonlin_iters, nonlin_conv_fails, err_test_fails;
  long restarts;
} Counters;

static void die(const char *what, const char *detail) {
  fprintf(stderr, "cvode-harness: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  exit(2);
}

static void check_flag(int flag, const char *call) {
  if (flag < 0) {
    char buf[64];
    snprintf(buf, sizeof buf, "returned %d", flag);
    die(call, buf);
  }
}

/* ---------- parsing ---------- */

static double parse_number(const char *text, const char *field) {
  char *end;
  errno = 0;
  double v = strtod(text, &end);
  if (end == text || errno == ERANGE || !isfinite(v)) die("bad number in field", field);
  return v;
}

static int parse_index(const char *text, int limit, const char *field) {
  double v = parse_number(text, field);
  if (v < 0 || v >= limit || v != floor(v)) die("index out of range in field", field);
  return (int)v;
}

static void spec_defaults(Spec *s) {
  memset(s, 0, sizeof *s);
  s->t1 = -1;
  s->dt = -1;
  s->rtol = 1e-6;
  s->atol = 1e-9;
  s->max_steps = 1000000;
  s->warmup = 1;
  s->min_reps = 5;
  s->max_reps = 50;
  s->min_seconds = 1.0;
  s->sample_after_event = 1;
  for (int i = 0; i < ET_N_PARAMS; i++) s->params[i] = et_default_params[i];
  for (int i = 0; i < ET_N_STATES; i++) s->y0[i] = et_initial_state[i];
  for (int i = 0; i < ET_N_INPUTS; i++) s->u0[i] = et_default_inputs[i];
}

static void spec_set(Spec *s, const char *key, const char *a, const char *b) {
  if (!strcmp(key, "t0")) s->t0 = parse_number(a, key);
  else if (!strcmp(key, "t1")) s->t1 = parse_number(a, key);
  else if (!strcmp(key, "dt")) s->dt = parse_number(a, key);
  else if (!strcmp(key, "rtol")) s->rtol = parse_number(a, key);
  else if (!strcmp(key, "atol")) s->atol = parse_number(a, key);
  else if (!strcmp(key, "max_step")) s->max_step = parse_number(a, key);
  else if (!strcmp(key, "max_steps")) s->max_steps = (long)parse_number(a, key);
  else if (!strcmp(key, "warmup")) s->warmup = (int)parse_number(a, key);
  else if (!strcmp(key, "min_reps")) s->min_reps = (int)parse_number(a, key);
  else if (!strcmp(key, "max_reps")) s->max_reps = (int)parse_number(a, key);
  else if (!strcmp(key, "min_seconds")) s->min_seconds = parse_number(a, key);
  else if (!strcmp(key, "reuse_step")) s->reuse_step = (int)parse_number(a, key);
  else if (!strcmp(key, "method")) {
    if (!strcmp(a, "BDF")) s->bdf = 1;
    else if (!strcmp(a, "ADAMS")) s->bdf = 0;
    else die("method must be ADAMS or BDF, got", a);
  } else if (!strcmp(key, "nls")) {
    if (!strcmp(a, "NEWTON")) s->adams_newton = 1;
    else if (!strcmp(a, "FIXEDPOINT")) s->adams_newton = 0;
    else die("nls must be FIXEDPOINT or NEWTON, got", a);
  } else if (!strcmp(key, "sample_at_event")) {
    if (!strcmp(a, "AFTER")) s->sample_after_event = 1;
    else if (!strcmp(a, "BEFORE")) s->sample_after_event = 0;
    else die("sample_at_event must be BEFORE or AFTER, got", a);
  } else if (!strcmp(key, "atol_state")) {
    if (!b) die("missing value for", key);
    double v = parse_number(b, key);
    if (!(v > 0)) die("atol_state values must be > 0, got", b);
    s->atolv[parse_index(a, ET_N_STATES, key)] = v;
    s->per_state_atol = 1;
  } else if (!strcmp(key, "param") || !strcmp(key, "state") || !strcmp(key, "input")) {
    if (!b) die("missing value for", key);
    int limit = key[0] == 'p' ? ET_N_PARAMS : key[0] == 's' ? ET_N_STATES : ET_N_INPUTS;
    double *dest = key[0] == 'p' ? s->params : key[0] == 's' ? s->y0 : s->u0;
    dest[parse_index(a, limit, key)] = parse_number(b, key);
  } else
    die("unknown spec key", key);
}

static void read_spec(const char *path, Spec *s) {
  FILE *f = fopen(path, "r");
  if (!f) die("cannot open spec file", path);
  spec_defaults(s);
  char line[512];
  while (fgets(line, sizeof line, f)) {
    char *hash = strchr(line, '#');
    if (hash) *hash = '\0';
    char *key = strtok(line, " \t\r\n");
    if (!key) continue;
    char *a = strtok(NULL, " \t\r\n");
    if (!a) die("missing value for spec key", key);
    spec_set(s, key, a, strtok(NULL, " \t\r\n"));
  }
  fclose(f);
  /* States without their own atol_state line take the scalar atol (0 marks "not given": tolerances are > 0). */
  for (int i = 0; i < ET_N_STATES; i++)
    if (s->atolv[i] == 0) s->atolv[i] = s->atol;
  if (!(s->t1 > s->t0)) die("spec: t1 must be > t0", NULL);
  if (!(s->dt > 0)) die("spec: dt must be > 0", NULL);
  if (!(s->rtol > 0) || !(s->atol > 0)) die("spec: rtol and atol must be > 0", NULL);
  if (s->min_reps < 1 || s->max_reps < s->min_reps) die("spec: need 1 <= min_reps <= max_reps", NULL);
}

static Event *read_events(const char *path, const Spec *s, long *count) {
  FILE *f = fopen(path, "r");
  if (!f) die("cannot open events file", path);
  long cap = 64, n = 0;
  Event *ev = malloc(cap * sizeof *ev);
  char line[512];
  while (fgets(line, sizeof line, f)) {
    char *tok[5];
    int k = 0;
    for (char *w = strtok(line, " \t\r\n"); w && k < 5; w = strtok(NULL, " \t\r\n")) tok[k++] = w;
    if (k == 0) continue;
    if (k != 5) die("events: each line needs `t target index op value`", NULL);
    if (n == cap) ev = realloc(ev, (cap *= 2) * sizeof *ev);
    Event *e = &ev[n];
    e->t = parse_number(tok[0], "event t");
    e->target = parse_index(tok[1], 2, "event target");
    e->index = parse_index(tok[2], e->target == TARGET_STATE ? ET_N_STATES : ET_N_INPUTS, "event index");
    e->op = parse_index(tok[3], 3, "event op");
    e->value = parse_number(tok[4], "event value");
    if (e->t < s->t0 || e->t > s->t1) die("events: t outside [t0, t1]", tok[0]);
    if (n > 0 && e->t < ev[n - 1].t) die("events: not sorted by t at", tok[0]);
    n++;
  }
  fclose(f);
  *count = n;
  return ev;
}

/* ---------- model glue ---------- */

static int rhs(realtype t, N_Vector y, N_Vector ydot, void *user_data) {
  const UserData *d = user_data;
  et_rhs(t, N_VGetArrayPointer(y), d->p, d->u, N_VGetArrayPointer(ydot));
  return 0;
}

static void apply_event(const Event *e, double *y, double *u) {
  double *slot = e->target == TARGET_STATE ? &y[e->index] : &u[e->index];
  if (e->op == OP_SET) *slot = e->value;
  else if (e->op == OP_ADD) *slot += e->value;
  else *slot *= e->value;
}

/* ---------- one run ---------- */

typedef struct {
  void *mem;
  SUNMatrix A;
  SUNLinearSolver LS;
  SUNNonlinearSolver NLS;
} Solver;

static Solver create_solver(const Spec *s, SUNContext ctx, N_Vector y, UserData *data) {
  Solver sv = {0};
  sv.mem = CVodeCreate(s->bdf ? CV_BDF : CV_ADAMS, ctx);
  if (!sv.mem) die("CVodeCreate failed", NULL);
  check_flag(CVodeInit(sv.mem, rhs, s->t0, y), "CVodeInit");
  if (s->per_state_atol) {
    /* CVODE keeps its own copy of the tolerance vector. */
    N_Vector abstol = N_VMake_Serial(ET_N_STATES, (realtype *)s->atolv, ctx);
    check_flag(CVodeSVtolerances(sv.mem, s->rtol, abstol), "CVodeSVtolerances");
    N_VDestroy(abstol);
  } else
    check_flag(CVodeSStolerances(sv.mem, s->rtol, s->atol), "CVodeSStolerances");
  check_flag(CVodeSetUserData(sv.mem, data), "CVodeSetUserData");
  check_flag(CVodeSetMaxNumSteps(sv.mem, s->max_steps), "CVodeSetMaxNumSteps");
  if (s->max_step > 0) check_flag(CVodeSetMaxStep(sv.mem, s->max_step), "CVodeSetMaxStep");
  if (s->bdf || s->adams_newton) {
    sv.A = SUNDenseMatrix(ET_N_STATES, ET_N_STATES, ctx);
    sv.LS = SUNLinSol_Dense(y, sv.A, ctx);
    if (!sv.A || !sv.LS) die("dense linear solver creation failed", NULL);
    check_flag(CVodeSetLinearSolver(sv.mem, sv.LS, sv.A), "CVodeSetLinearSolver");
  } else {
    sv.NLS = SUNNonlinSol_FixedPoint(y, 0, ctx);
    if (!sv.NLS) die("SUNNonlinSol_FixedPoint failed", NULL);
    check_flag(CVodeSetNonlinearSolver(sv.mem, sv.NLS), "CVodeSetNonlinearSolver");
  }
  return sv;
}

static void free_solver(Solver *sv) {
  CVodeFree(&sv->mem);
  if (sv->LS) SUNLinSolFree(sv->LS);
  if (sv->A) SUNMatDestroy(sv->A);
  if (sv->NLS) SUNNonlinSolFree(sv->NLS);
}

/* CVodeReInit zeroes CVODE's counters, so they are added up before every restart and at the end. */
static void accumulate_counters(const Solver *sv, Counters *c) {
  long v;
  CVodeGetNumSteps(sv->mem, &v), c->steps += v;
  CVodeGetNumRhsEvals(sv->mem, &v), c->rhs_evals += v;
  CVodeGetNumErrTestFails(sv->mem, &v), c->err_test_fails += v;
  CVodeGetNumNonlinSolvIters(sv->mem, &v), c->nonlin_iters += v;
  CVodeGetNumNonlinSolvConvFails(sv->mem, &v), c->nonlin_conv_fails += v;
  if (sv->LS) {
    CVodeGetNumLinRhsEvals(sv->mem, &v), c->rhs_evals_jac += v;
    CVodeGetNumJacEvals(sv->mem, &v), c->jac_evals += v;
    CVodeGetNumLinSolvSetups(sv->mem, &v), c->lin_setups += v;
  }
}

typedef struct {
  long count;   /* samples taken */
  long n_grid;  /* grid size */
  double *data; /* n_grid rows of (t, outputs...) */
  double checksum;
} Samples;

static double grid_time(const Spec *s, long k) { return s->t0 + (double)k * s->dt; }

static void take_sample(Samples *out, double t, const double *y, const double *p, const double *u) {
  double *row = &out->data[out->count * (1 + ET_N_OUTPUTS)];
  row[0] = t;
  et_outputs(t, y, p, u, row + 1);
  for (int j = 0; j < ET_N_OUTPUTS; j++) out->checksum += row[1 + j];
  out->count++;
}

/* Moves the solution to `to` (no-op when already there): CVODE steps, then interpolates back to `to`. */
static void advance_to(const Solver *sv, N_Vector yv, double *t, double to) {
  if (to <= *t) return;
  realtype tret;
  check_flag(CVode(sv->mem, to, yv, &tret, CV_NORMAL), "CVode");
  *t = tret;
}

/*
 * Integrates from t0 to t1 segment by segment between event times: every grid time inside a segment with
 * CV_NORMAL (the stop time keeps CVODE from stepping past the event), then the events, then CVodeReInit.
 */
static void run_once(const Spec *s, const Event *ev, long n_ev, SUNContext ctx, Samples *out, Counters *c) {
  UserData data;
  data.p = s->params;
  memcpy(data.u, s->u0, sizeof data.u);
  N_Vector yv = N_VNew_Serial(ET_N_STATES, ctx);
  double *y = N_VGetArrayPointer(yv);
  memcpy(y, s->y0, ET_N_STATES * sizeof(double));
  memset(c, 0, sizeof *c);
  out->count = 0;
  out->checksum = 0;

  Solver sv = create_solver(s, ctx, yv, &data);
  long next_ev = 0, k = 0;
  double t = s->t0;
  for (;;) {
    int has_event = next_ev < n_ev;
    double t_stop = has_event ? ev[next_ev].t : s->t1;
    check_flag(CVodeSetStopTime(sv.mem, t_stop), "CVodeSetStopTime");
    /* A grid time equal to an event time is sampled below, before or after the event as the spec says. */
    for (; k < out->n_grid && (grid_time(s, k) < t_stop || (!has_event && grid_time(s, k) <= t_stop)); k++) {
      advance_to(&sv, yv, &t, grid_time(s, k));
      take_sample(out, t, y, s->params, data.u);
    }
    advance_to(&sv, yv, &t, t_stop);
    if (!has_event) break;
    int sample_here = k < out->n_grid && grid_time(s, k) == t;
    if (sample_here && !s->sample_after_event) take_sample(out, t, y, s->params, data.u), k++;
    while (next_ev < n_ev && ev[next_ev].t == t) apply_event(&ev[next_ev++], y, data.u);
    if (sample_here && s->sample_after_event) take_sample(out, t, y, s->params, data.u), k++;
    accumulate_counters(&sv, c);
    c->restarts++;
    realtype h_last = 0;
    if (s->reuse_step) CVodeGetLastStep(sv.mem, &h_last);
    check_flag(CVodeReInit(sv.mem, t, yv), "CVodeReInit");
    if (h_last > 0) check_flag(CVodeSetInitStep(sv.mem, h_last), "CVodeSetInitStep");
  }
  accumulate_counters(&sv, c);
  free_solver(&sv);
  N_VDestroy(yv);
}

/* ---------- timing and output ---------- */

static double clock_ms(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n) {
  qsort(v, n, sizeof *v, compare_doubles);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static void write_samples(const char *path, const Samples *out) {
  FILE *f = fopen(path, "wb");
  if (!f) die("cannot open samples file", path);
  size_t n = (size_t)out->count * (1 + ET_N_OUTPUTS);
  if (fwrite(out->data, sizeof(double), n, f) != n) die("cannot write samples file", path);
  fclose(f);
}

int main(int argc, char **argv) {
  if (argc < 3 || argc > 4) {
    fprintf(stderr, "usage: %s SPEC EVENTS [SAMPLES_OUT]\n", argv[0]);
    return 2;
  }
  Spec spec;
  read_spec(argv[1], &spec);
  long n_ev;
  Event *ev = read_events(argv[2], &spec, &n_ev);

  Samples out = {0};
  /* Grid times t0 + k*dt within [t0, t1], computed without accumulation: the rule of integrate(). */
  out.n_grid = 0;
  while (grid_time(&spec, out.n_grid) <= spec.t1) out.n_grid++;
  out.data = malloc((size_t)out.n_grid * (1 + ET_N_OUTPUTS) * sizeof(double));
  if (!out.data) die("out of memory for samples", NULL);

  SUNContext ctx;
  check_flag(SUNContext_Create(NULL, &ctx), "SUNContext_Create");
  Counters c;
  for (int i = 0; i < spec.warmup; i++) run_once(&spec, ev, n_ev, ctx, &out, &c);

  /* Wall time (CLOCK_MONOTONIC) is the measure; CPU time is kept too, to tell load on a shared machine apart. */
  double *times = malloc(spec.max_reps * sizeof *times), *cpu = malloc(spec.max_reps * sizeof *cpu), total = 0;
  int reps = 0;
  while (reps < spec.max_reps && (reps < spec.min_reps || total < spec.min_seconds * 1e3)) {
    double start = clock_ms(CLOCK_MONOTONIC), cpu_start = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    run_once(&spec, ev, n_ev, ctx, &out, &c);
    times[reps] = clock_ms(CLOCK_MONOTONIC) - start;
    cpu[reps] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
    total += times[reps++];
  }
  if (argc == 4) write_samples(argv[3], &out);

  printf("{\"method\":\"%s\",\"nls\":\"%s\",\"times_ms\":[", spec.bdf ? "BDF" : "ADAMS",
         spec.bdf || spec.adams_newton ? "NEWTON" : "FIXEDPOINT");
  for (int i = 0; i < reps; i++) printf("%s%.6f", i ? "," : "", times[i]);
  printf("],\"ms\":%.6f,\"cpu_ms\":%.6f,\"reps\":%d,\"steps\":%ld,\"rhs_evals\":%ld,\"rhs_evals_jac\":%ld,\"jac_evals\":%ld,"
         "\"lin_setups\":%ld,\"nonlin_iters\":%ld,\"nonlin_conv_fails\":%ld,\"err_test_fails\":%ld,"
         "\"restarts\":%ld,\"samples\":%ld,\"checksum\":%.17g}\n",
         median(times, reps), median(cpu, reps), reps, c.steps, c.rhs_evals, c.rhs_evals_jac, c.jac_evals, c.lin_setups,
         c.nonlin_iters, c.nonlin_conv_fails, c.err_test_fails, c.restarts, out.count, out.checksum);

  SUNContext_Free(&ctx);
  free(times);
  free(cpu);
  free(out.data);
  free(ev);
  return 0;
}
