import { describe, expect, it } from 'vitest';
import { childrenOf, parseXml, pathOf, XmlSyntaxError } from '../../main/providers/vmware/xml-reader';

// The shape vcsim writes: prefixed envelope, XMLSchema-instance:type on values, MOR `type` attributes.
const answer = `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
<RetrievePropertiesExResponse xmlns="urn:vim25"><returnval><token>t-1</token>
<objects><obj type="VirtualMachine">vm-93</obj>
<propSet><name>name</name><val xmlns:XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance" XMLSchema-instance:type="xsd:string">web &amp; db &lt;prod&gt; &#233;&#xE9;</val></propSet>
<propSet><name>runtime.host</name><val xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ManagedObjectReference" type="HostSystem">host-21</val></propSet>
<propSet><name>config.annotation</name><val xsi:type="xsd:string"><![CDATA[a <raw> note]]></val></propSet>
</objects><objects><obj type="VirtualMachine">vm-96</obj></objects>
</returnval></RetrievePropertiesExResponse></soapenv:Body></soapenv:Envelope>`;

describe('xml reader', () => {
  it('reads a PropertyCollector answer', () => {
    const returnval = pathOf(parseXml(answer), 'Body', 'RetrievePropertiesExResponse', 'returnval');
    expect(pathOf(returnval, 'token')?.text).toBe('t-1');
    const objects = childrenOf(returnval, 'objects');
    expect(objects.map((o) => pathOf(o, 'obj')?.text)).toEqual(['vm-93', 'vm-96']);
    const [name, host, note] = childrenOf(objects[0], 'propSet').map((p) => pathOf(p, 'val'));
    expect(name?.text).toBe('web & db <prod> éé');
    expect(name?.attrs).toEqual({ 'xsi:type': 'xsd:string' });
    expect(host?.attrs).toEqual({ 'xsi:type': 'ManagedObjectReference', type: 'HostSystem' });
    expect(note?.text).toBe('a <raw> note');
  });

  it('refuses broken documents', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<a>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<html><body>Gateway')).toThrow(XmlSyntaxError);
    expect(() => parseXml('{"value": []}')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<a/><b/>')).toThrow(XmlSyntaxError);
  });

  it('reads self-closing elements and single-quoted attributes', () => {
    const root = parseXml(`<r><e k='v'/><e k="w" /></r>`);
    expect(root.children.map((c) => c.attrs.k)).toEqual(['v', 'w']);
  });
});
