// Command vcsim-hangar runs govmomi's vCenter simulator (simulator.VPX plus the vAPI /rest
// simulator) with a small, fixed inventory of templates for Hangar's VMware driver tests.
//
// Debian packages the simulator library (golang-github-vmware-govmomi-dev) but not the vcsim
// command, hence this main. Build it in GOPATH mode:
//
//	GO111MODULE=off GOPATH=$TMP/gopath:/usr/share/gocode go build -o vcsim-hangar main.go
//
// It listens on 127.0.0.1 (a free port), prints ONE JSON line describing itself on stdout and
// runs until stdin closes (so it never outlives the test process) or it receives SIGTERM.
// The password comes from VCSIM_PASSWORD, never from argv.
package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vapi/library"
	"github.com/vmware/govmomi/vapi/rest"
	vapisim "github.com/vmware/govmomi/vapi/simulator"
	"github.com/vmware/govmomi/vapi/vcenter"
	"github.com/vmware/govmomi/vim25/types"
)

// template is one VM the seed creates and marks as a template (or captures into a library).
type template struct {
	name, guestID, annotation string
	cpus, memoryMB            int32
}

// Standalone VM templates per datacenter: what an operator's "Templates" folder holds.
var standalone = map[string][]template{
	"DC0": {
		{"ubuntu-22.04-server-tmpl", "ubuntu64Guest", "Ubuntu 22.04 LTS golden image, cloud-init enabled", 2, 4096},
		{"rhel-9.3-base-tmpl", "rhel9_64Guest", "RHEL 9.3 minimal, registered with Satellite", 2, 4096},
		{"win2019-std-tmpl", "windows2019srv_64Guest", "Windows Server 2019 Standard, sysprepped", 4, 8192},
		{"centos-8-stream-tmpl", "centos8_64Guest", "", 2, 2048},
	},
	"DC1": {
		{"win2022-dc-tmpl", "windows2019srvNext_64Guest", "Windows Server 2022 Datacenter", 4, 16384},
		{"debian-11-tmpl", "debian11_64Guest", "Debian 11 bullseye", 1, 2048},
		{"sles-15-sp5-tmpl", "sles15_64Guest", "SUSE Linux Enterprise Server 15 SP5", 2, 4096},
		{"photon-appliance-tmpl", "other4xLinux64Guest", "", 1, 1024},
	},
}

// Library items captured from source VMs: vm-template (VMTX) and ovf items.
var vmtxItems = []template{
	{"ubuntu-24.04-golden", "ubuntu64Guest", "Ubuntu 24.04 LTS golden image", 2, 4096},
	{"rhel-8.9-golden", "rhel8_64Guest", "RHEL 8.9 hardened (CIS level 1)", 2, 4096},
	{"windows-2019-golden", "windows2019srv_64Guest", "Windows Server 2019 Datacenter", 4, 8192},
}
var ovfItems = []template{
	{"oracle-linux-8-ovf", "oracleLinux8_64Guest", "Oracle Linux 8 exported as OVF", 2, 4096},
	{"freebsd-13-ovf", "freebsd13_64Guest", "FreeBSD 13.2 appliance", 1, 1024},
	{"debian-11-appliance-ovf", "debian11_64Guest", "Debian 11 base appliance", 1, 2048},
}

// requirePassword adds the check real vCenter makes and vcsim 0.24's vAPI session does not:
// its POST /rest/com/vmware/cis/session accepts ANY non-empty user and password.
func requirePassword(next http.Handler, user, password string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		isLogin := r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/com/vmware/cis/session") &&
			r.URL.Query().Get("~action") == ""
		if isLogin {
			u, p, ok := r.BasicAuth()
			if !ok || u != user || p != password {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusUnauthorized)
				fmt.Fprint(w, `{"type":"com.vmware.vapi.std.errors.unauthenticated","value":{"messages":[{"args":[],"default_message":"Authentication required.","id":"com.vmware.vapi.endpoint.method.authentication.required"}]}}`)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func must(err error, what string) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "vcsim-hangar: %s: %v\n", what, err)
		os.Exit(1)
	}
}

// clusterPool is the root resource pool of the datacenter's first cluster (vcsim names it DCn_C0).
func clusterPool(ctx context.Context, finder *find.Finder, dc *object.Datacenter) *object.ResourcePool {
	finder.SetDatacenter(dc)
	name := dc.Name()
	pool, err := finder.ResourcePool(ctx, fmt.Sprintf("/%s/host/%s_C0/Resources", name, name))
	must(err, "resource pool")
	return pool
}

// createVM makes a powered-off VM with a real guest id in the datacenter's first cluster.
func createVM(ctx context.Context, finder *find.Finder, dc *object.Datacenter, t template) *object.VirtualMachine {
	finder.SetDatacenter(dc)
	folders, err := dc.Folders(ctx)
	must(err, "datacenter folders")
	pool := clusterPool(ctx, finder, dc)
	ds, err := finder.DefaultDatastore(ctx)
	must(err, "datastore")
	spec := types.VirtualMachineConfigSpec{
		Name:       t.name,
		GuestId:    t.guestID,
		Annotation: t.annotation,
		NumCPUs:    t.cpus,
		MemoryMB:   int64(t.memoryMB),
		Files:      &types.VirtualMachineFileInfo{VmPathName: fmt.Sprintf("[%s]", ds.Name())},
	}
	task, err := folders.VmFolder.CreateVM(ctx, spec, pool, nil)
	must(err, "create vm "+t.name)
	info, err := task.WaitForResult(ctx, nil)
	must(err, "create vm "+t.name)
	return object.NewVirtualMachine(dc.Client(), info.Result.(types.ManagedObjectReference))
}

type seedSummary struct {
	Templates int `json:"templates"`
	Libraries int `json:"libraries"`
	Items     int `json:"items"`
}

func seed(ctx context.Context, u *url.URL) seedSummary {
	c, err := govmomi.NewClient(ctx, u, true)
	must(err, "login")
	defer func() { _ = c.Logout(ctx) }()
	rc := rest.NewClient(c.Client)
	must(rc.Login(ctx, u.User), "vapi login")
	defer func() { _ = rc.Logout(ctx) }()
	finder := find.NewFinder(c.Client)
	summary := seedSummary{}

	dcs := map[string]*object.Datacenter{}
	for _, name := range []string{"DC0", "DC1"} {
		dc, err := finder.Datacenter(ctx, name)
		must(err, "datacenter "+name)
		dcs[name] = dc
		for _, t := range standalone[name] {
			vm := createVM(ctx, finder, dc, t)
			must(vm.MarkAsTemplate(ctx), "mark as template "+t.name)
			summary.Templates++
		}
	}

	libs := library.NewManager(rc)
	vc := vcenter.NewManager(rc)
	newLibrary := func(name, description string, dc *object.Datacenter) string {
		finder.SetDatacenter(dc)
		ds, err := finder.DefaultDatastore(ctx)
		must(err, "library datastore")
		id, err := libs.CreateLibrary(ctx, library.Library{
			Name: name, Description: description, Type: "LOCAL",
			Storage: []library.StorageBackings{{DatastoreID: ds.Reference().Value, Type: "DATASTORE"}},
		})
		must(err, "create library "+name)
		summary.Libraries++
		return id
	}
	golden := newLibrary("Golden Images", "Hardened templates maintained by the platform team", dcs["DC0"])
	appliances := newLibrary("OVF Appliances", "Vendor appliances and exported OVF packages", dcs["DC1"])

	dc := dcs["DC0"]
	folders, err := dc.Folders(ctx)
	must(err, "folders")
	pool := clusterPool(ctx, finder, dc)
	for _, t := range vmtxItems {
		source := createVM(ctx, finder, dc, template{t.name + "-source", t.guestID, t.annotation, t.cpus, t.memoryMB})
		_, err := vc.CreateTemplate(ctx, vcenter.Template{
			Name: t.name, Description: t.annotation, Library: golden, SourceVM: source.Reference().Value,
			Placement: &vcenter.Placement{Folder: folders.VmFolder.Reference().Value, ResourcePool: pool.Reference().Value},
		})
		must(err, "create vm-template item "+t.name)
		summary.Items++
		summary.Templates++ // a VMTX item is backed by a VM template in the inventory, as on vCenter
	}
	for _, t := range ovfItems {
		source := createVM(ctx, finder, dc, template{t.name + "-source", t.guestID, t.annotation, t.cpus, t.memoryMB})
		_, err := vc.CreateOVF(ctx, vcenter.OVF{
			Spec:   vcenter.CreateSpec{Name: t.name, Description: t.annotation},
			Source: vcenter.ResourceID{Type: "VirtualMachine", Value: source.Reference().Value},
			Target: vcenter.LibraryTarget{LibraryID: appliances},
		})
		must(err, "create ovf item "+t.name)
		summary.Items++
	}
	return summary
}

func main() {
	user := flag.String("username", "administrator@vsphere.local", "the one account vcsim accepts")
	useTLS := flag.Bool("tls", false, "serve HTTPS with the simulator's self-signed certificate")
	flag.Parse()
	password := os.Getenv("VCSIM_PASSWORD")
	if password == "" {
		must(fmt.Errorf("VCSIM_PASSWORD is empty"), "configuration")
	}

	model := simulator.VPX()
	model.Datacenter = 2
	model.Cluster = 1
	model.ClusterHost = 2
	model.Host = 1
	model.Machine = 1
	must(model.Create(), "create model")
	defer model.Remove()

	// A non-default user makes the SOAP SessionManager check the password exactly.
	model.Service.Listen = &url.URL{Host: "127.0.0.1:0", User: url.UserPassword(*user, password)}
	if *useTLS {
		model.Service.TLS = new(tls.Config)
	}
	server := model.Service.NewServer()
	defer server.Close()
	// Mounted by hand (RegisterEndpoints stays false) so the session check can wrap it.
	path, handler := vapisim.New(server.URL, simulator.Map.OptionManager().Setting)
	model.Service.Handle(path, requirePassword(handler, *user, password))

	summary := seed(context.Background(), server.URL)

	base := url.URL{Scheme: server.URL.Scheme, Host: server.URL.Host}
	line, _ := json.Marshal(map[string]interface{}{
		"url": base.String(), "username": *user, "templates": summary.Templates,
		"libraries": summary.Libraries, "items": summary.Items,
	})
	fmt.Println(string(line))

	done := make(chan struct{})
	go func() {
		_, _ = bufio.NewReader(os.Stdin).ReadString(0) // returns at EOF: the parent went away
		close(done)
	}()
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	select {
	case <-done:
	case <-signals:
	}
}
