/**
 * The 3D globe of an event (three.js, WebGL): the Earth as a sphere with Natural Earth's
 * 1:110m coastlines (world-atlas, bundled: no tiles, no network) and a 30° graticule, the
 * objects' orbits as lines (one revolution around the shown time, from the set in force) and
 * their positions as dots with name labels. Drawing is in TEME with the Earth turned by GMST
 * (see `tracks.ts`); 1 scene unit = 1 Earth equatorial radius; the TEME pole points up.
 * Frames are drawn on demand (time change, camera move), not in a loop.
 * @module
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { mesh } from 'topojson-client';
import land110m from 'world-atlas/land-110m.json';
import { h } from '../dom.js';
import { gmstRad, orbitAround, stateAt, type ObjectTrack, type Xyz } from './tracks.js';

const EARTH_RADIUS_KM = 6378.137;
/** Colours of the objects, in order (colour-blind-safe Okabe–Ito palette). */
const COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#ffffff'];

/** TEME (x, y, z) km → scene (x, z, −y) in Earth radii: the TEME pole is the scene's up. */
function scene([x, y, z]: Xyz): THREE.Vector3 {
  return new THREE.Vector3(x / EARTH_RADIUS_KM, z / EARTH_RADIUS_KM, -y / EARTH_RADIUS_KM);
}

/** An Earth-fixed longitude/latitude (degrees) on a sphere of `radius`, in the Earth group's frame. */
function lonLat(lonDeg: number, latDeg: number, radius: number): THREE.Vector3 {
  const lon = (lonDeg * Math.PI) / 180;
  const lat = (latDeg * Math.PI) / 180;
  return scene([
    radius * EARTH_RADIUS_KM * Math.cos(lat) * Math.cos(lon),
    radius * EARTH_RADIUS_KM * Math.cos(lat) * Math.sin(lon),
    radius * EARTH_RADIUS_KM * Math.sin(lat),
  ]);
}

function polylines(lines: readonly (readonly (readonly number[])[])[], radius: number): THREE.BufferGeometry {
  const positions: number[] = [];
  for (const line of lines)
    line.forEach((point, i) => {
      const previous = line[i - 1];
      if (previous === undefined) return;
      const a = lonLat(previous[0] ?? 0, previous[1] ?? 0, radius);
      const b = lonLat(point[0] ?? 0, point[1] ?? 0, radius);
      positions.push(a.x, a.y, a.z, b.x, b.y, b.z);
    });
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(positions, 3));
  return g;
}

function earth(): THREE.Group {
  const group = new THREE.Group();
  group.add(new THREE.Mesh(new THREE.SphereGeometry(1, 64, 48), new THREE.MeshBasicMaterial({ color: 0x14304f })));
  const topology = land110m as unknown as Parameters<typeof mesh>[0];
  const coast = mesh(topology, topology.objects['land'] as Parameters<typeof mesh>[1]);
  group.add(
    new THREE.LineSegments(polylines(coast.coordinates, 1.002), new THREE.LineBasicMaterial({ color: 0x9ccfa0 })),
  );
  const graticule: number[][][] = [];
  for (let lon = -180; lon < 180; lon += 30) graticule.push(Array.from({ length: 61 }, (_, i) => [lon, -90 + i * 3]));
  for (let lat = -60; lat <= 60; lat += 30) graticule.push(Array.from({ length: 121 }, (_, i) => [-180 + i * 3, lat]));
  group.add(new THREE.LineSegments(polylines(graticule, 1.001), new THREE.LineBasicMaterial({ color: 0x2f5678 })));
  return group;
}

/** Whether the segment from the camera to `point` passes through the Earth (unit sphere). */
function behindEarth(camera: THREE.Vector3, point: THREE.Vector3): boolean {
  const d = point.clone().sub(camera);
  const a = d.dot(d);
  const b = 2 * camera.dot(d);
  const c = camera.dot(camera) - 1;
  const disc = b * b - 4 * a * c;
  if (disc <= 0) return false;
  const t = (-b - Math.sqrt(disc)) / (2 * a);
  return t > 0 && t < 1;
}

export interface Globe {
  /** Shows the objects at `tMs` (ms since 1970 UTC). */
  setTime(tMs: number): void;
  /** Releases WebGL resources and listeners. */
  dispose(): void;
}

/** Builds the globe in `container` for the given tracks; the canvas fills the container's width. */
export function createGlobe(container: HTMLElement, tracks: readonly ObjectTrack[]): Globe {
  const width = Math.max(320, container.clientWidth);
  const height = Math.round(Math.min(560, width * 0.75));
  // preserveDrawingBuffer: the canvas can be read back (screenshots, the browser test's pixel check).
  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(Math.min(2, window.devicePixelRatio));
  renderer.setSize(width, height);
  renderer.setClearColor(0x05070d);
  const canvas = renderer.domElement;
  canvas.setAttribute('aria-label', 'globe: orbits and positions of the event objects');
  const labels = h('div', { class: 'globe-labels' });
  const frame = h('div', { class: 'globe-frame', style: `height:${height}px` }, canvas, labels);
  container.append(frame);

  const world = new THREE.Scene();
  const camera = new THREE.PerspectiveCamera(40, width / height, 0.01, 1000);
  const earthGroup = earth();
  world.add(earthGroup);

  const objects = tracks.map((track, i) => {
    const css = COLOURS[i % COLOURS.length] ?? '#ffffff';
    const colour = new THREE.Color(css);
    const orbit = new THREE.Line(new THREE.BufferGeometry(), new THREE.LineBasicMaterial({ color: colour }));
    const dot = new THREE.Mesh(new THREE.SphereGeometry(0.03, 12, 8), new THREE.MeshBasicMaterial({ color: colour }));
    world.add(orbit, dot);
    const label = h('span', { class: 'globe-label', style: `color:${css}` }, track.label);
    labels.append(label);
    return { track, orbit, dot, label };
  });

  // Frame the largest orbit: camera distance from the largest radius at the event's start.
  const controls = new OrbitControls(camera, canvas);
  controls.enableDamping = false;
  const render = (): void => {
    renderer.render(world, camera);
    // Labels beside their dots; a label that would overlap one already placed moves down a line.
    const placed: [number, number][] = [];
    for (const o of objects) {
      const p = o.dot.position.clone().project(camera);
      const visible =
        o.dot.visible &&
        p.z < 1 &&
        Math.abs(p.x) <= 1 &&
        Math.abs(p.y) <= 1 &&
        !behindEarth(camera.position, o.dot.position);
      o.label.style.display = visible ? '' : 'none';
      const x = ((p.x + 1) / 2) * width + 8;
      let y = ((1 - p.y) / 2) * height - 8;
      while (placed.some(([px, py]) => Math.abs(px - x) < 90 && Math.abs(py - y) < 14)) y += 14;
      if (visible) placed.push([x, y]);
      o.label.style.transform = `translate(${x}px, ${y}px)`;
    }
  };
  controls.addEventListener('change', render);

  let framed = false;
  return {
    setTime(tMs: number): void {
      earthGroup.rotation.y = gmstRad(tMs);
      let maxRadius = 1.2;
      for (const o of objects) {
        const points = orbitAround(o.track.sets, tMs).map(scene);
        o.orbit.geometry.dispose();
        o.orbit.geometry = new THREE.BufferGeometry().setFromPoints(points);
        const now = stateAt(o.track.sets, tMs);
        o.dot.visible = now !== undefined;
        if (now !== undefined) o.dot.position.copy(scene(now.r));
        for (const p of points) maxRadius = Math.max(maxRadius, p.length());
      }
      if (!framed) {
        framed = true;
        // Look at the first object from 35° off its orbit's normal, on its side of the Earth:
        // the orbit shows as an open ellipse and the object faces the camera.
        const first = objects[0] === undefined ? undefined : stateAt(objects[0].track.sets, tMs);
        const direction = new THREE.Vector3(0.6, 0.45, 0.66);
        if (first !== undefined) {
          const offNormalRad = (35 * Math.PI) / 180;
          const r = scene(first.r).normalize();
          const normal = new THREE.Vector3().crossVectors(scene(first.r), scene(first.v)).normalize();
          direction.copy(normal.multiplyScalar(Math.cos(offNormalRad))).addScaledVector(r, Math.sin(offNormalRad));
        }
        camera.position.copy(direction.normalize().multiplyScalar(Math.min(40, Math.max(3, maxRadius * 2.8))));
        camera.lookAt(0, 0, 0);
        controls.update();
      }
      render();
    },
    dispose(): void {
      controls.dispose();
      renderer.dispose();
      frame.remove();
    },
  };
}
