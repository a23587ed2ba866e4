import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// `docker compose config` cannot run here, so the compose file and the files it mounts are checked by parsing them.

const root = new URL('../../../../', import.meta.url);
const readYaml = (path: string) => parse(readFileSync(new URL(path, root), 'utf8'));

interface Service {
  image?: string;
  build?: unknown;
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  depends_on?: string[] | Record<string, unknown>;
}
const compose = readYaml('docker-compose.yml') as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const services = compose.services;

/** A mount's host side and container side. */
function mounts(service: Service): Array<{ host: string; container: string }> {
  return (service.volumes ?? []).map((volume) => {
    const [host, container] = volume.split(':');
    return { host: host!, container: container! };
  });
}

describe('docker-compose.yml', () => {
  it('runs Prometheus, Grafana and Jaeger beside the gateway', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['gatehouse', 'prometheus', 'grafana', 'jaeger']));
    for (const name of ['prometheus', 'grafana', 'jaeger']) expect(services[name]!.image).toMatch(/^[\w./-]+:[\w.-]+$/);
  });

  it('refers only to services and named volumes that exist, and mounts only files that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      const dependencies = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dependency of dependencies) expect(Object.keys(services), `${name} depends on ${dependency}`).toContain(dependency);
      for (const { host } of mounts(service)) {
        if (host.startsWith('./')) {
          // gatehouse.yaml is the user's own file, put beside the compose file.
          if (host !== './gatehouse.yaml') expect(existsSync(new URL(host, root)), `${name} mounts ${host}`).toBe(true);
        } else {
          expect(Object.keys(compose.volumes ?? {}), `${name} uses volume ${host}`).toContain(host);
        }
      }
    }
  });

  it('has Prometheus scrape the gateway service at its port, on /metrics', () => {
    const prometheusConfig = mounts(services.prometheus!).find((mount) => mount.container === '/etc/prometheus/prometheus.yml')!;
    const scrape = readYaml(prometheusConfig.host) as { scrape_configs: Array<{ job_name: string; metrics_path: string; static_configs: Array<{ targets: string[] }> }> };
    const job = scrape.scrape_configs.find((config) => config.job_name === 'gatehouse')!;
    expect(job.metrics_path).toBe('/metrics');
    expect(job.static_configs[0]!.targets).toEqual(['gatehouse:8080']);
    expect(services.gatehouse!.ports).toContain('8080:8080');
  });

  it('has Grafana provision the Prometheus data source and the dashboard from where they are mounted', () => {
    const grafana = mounts(services.grafana!);
    const provisioning = grafana.find((mount) => mount.container === '/etc/grafana/provisioning')!;
    const datasources = readYaml(`${provisioning.host}/datasources/prometheus.yml`) as { datasources: Array<{ type: string; url: string }> };
    expect(datasources.datasources).toContainEqual(expect.objectContaining({ type: 'prometheus', url: 'http://prometheus:9090' }));
    const providers = readYaml(`${provisioning.host}/dashboards/gatehouse.yml`) as { providers: Array<{ options: { path: string } }> };
    const dashboardsPath = providers.providers[0]!.options.path;
    const dashboards = grafana.find((mount) => mount.container === dashboardsPath)!;
    expect(existsSync(new URL(`${dashboards.host}/gatehouse.json`, root))).toBe(true);
  });

  it('sends the gateway spans to Jaeger over OTLP/HTTP', () => {
    expect(services.jaeger!.ports).toContain('4318:4318');
    expect(services.gatehouse!.environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://jaeger:4318');
  });
});
