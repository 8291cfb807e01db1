/** h5 check-ins convert the browser's WGS-84 fix to GCJ-02 before the server judges the distance. */
import { distanceMetres } from '../../src/domain/geo'
import { wgs84ToGcj02 } from '../../src/domain/gcj02'

// Published test vectors of the standard formula (eviltransform): WGS-84 → GCJ-02.
const vectors = [
  { place: 'Shanghai', wgs: [31.1774276, 121.5272106], gcj: [31.17530398364597, 121.531541859215] },
  { place: 'Shenzhen', wgs: [22.543847, 113.912316], gcj: [22.540796131694766, 113.9171764808363] },
  { place: 'Beijing', wgs: [39.911954, 116.377817], gcj: [39.91334545536069, 116.38404722455657] },
]

describe('wgs84ToGcj02', () => {
  it.each(vectors)('matches the published point in $place', ({ wgs, gcj }) => {
    const out = wgs84ToGcj02(wgs[0], wgs[1])
    expect(out.lat).toBeCloseTo(gcj[0], 9)
    expect(out.lng).toBeCloseTo(gcj[1], 9)
  })

  it('moves a fix in China by hundreds of metres, enough to fail a 200 m radius unconverted', () => {
    const wgs = { lat: 31.1774276, lng: 121.5272106 }
    expect(distanceMetres(wgs, wgs84ToGcj02(wgs.lat, wgs.lng))).toBeGreaterThan(400)
  })

  it('leaves a fix outside China as it is', () => {
    expect(wgs84ToGcj02(48.8584, 2.2945)).toEqual({ lat: 48.8584, lng: 2.2945 })
  })
})
