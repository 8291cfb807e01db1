import { distanceMetres, judgeLocation, MAX_ACCURACY_M } from '../../src/domain/geo'

const site = { lat: 37.4513, lng: 116.3594, radiusM: 150 }

describe('distance and location checks', () => {
  it('measures great-circle distance in metres', () => {
    // One thousandth of a degree of latitude is about 111 m.
    expect(distanceMetres(site, { lat: site.lat + 0.001, lng: site.lng })).toBeCloseTo(111.2, 0)
    // Beijing to Shanghai is about 1,067 km.
    expect(distanceMetres({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 }) / 1000).toBeCloseTo(1067, -1)
    expect(distanceMetres(site, site)).toBe(0)
  })

  it('verifies a good fix inside the radius', () => {
    expect(judgeLocation(site, { lat: site.lat + 0.001, lng: site.lng, accuracy: 30 })).toEqual({ status: 'verified', distanceM: 111 })
  })

  it('sends a fix outside the radius or too vague to review', () => {
    expect(judgeLocation(site, { lat: site.lat + 0.002, lng: site.lng, accuracy: 10 }).status).toBe('pending')
    expect(judgeLocation(site, { lat: site.lat, lng: site.lng, accuracy: MAX_ACCURACY_M + 1 }).status).toBe('pending')
  })

  it('records a check-in without a fix as unverified', () => {
    expect(judgeLocation(site, undefined)).toEqual({ status: 'unverified', distanceM: null })
  })
})
